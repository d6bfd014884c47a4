//! The built-in classes: the types of built-in values and the exception hierarchy, made
//! once per interpreter so Rust code can raise `ValueError` without looking it up.

use crate::py::value::{BuiltinType, Class, Dict};
use std::cell::RefCell;
use std::rc::Rc;

macro_rules! types {
    ($($field:ident),* $(,)?) => {
        /// Every built-in class the interpreter refers to.
        pub struct Types {
            $(pub $field: Rc<Class>,)*
            /// Every class by its Python name, for the builtins module.
            pub all: Vec<Rc<Class>>,
        }
    };
}

types!(
    map_,
    filter_,
    zip_,
    enumerate_,
    reversed_,
    deprecation_warning,
    runtime_warning,
    connection_refused_error,
    connection_reset_error,
    connection_aborted_error,
    broken_pipe_error,
    file_not_found_error,
    permission_error,
    eof_error,
    memory_error,
    object,
    type_,
    none,
    bool_,
    int,
    float,
    str_,
    tuple,
    list,
    dict,
    set,
    frozenset,
    function,
    builtin_function,
    module,
    range,
    slice,
    coroutine,
    generator,
    async_generator,
    iterator,
    method,
    property,
    staticmethod,
    classmethod,
    task,
    future,
    base_exception,
    exception,
    base_exception_group,
    exception_group,
    arithmetic_error,
    zero_division_error,
    overflow_error,
    assertion_error,
    attribute_error,
    lookup_error,
    index_error,
    key_error,
    name_error,
    unbound_local_error,
    runtime_error,
    recursion_error,
    not_implemented_error,
    stop_iteration,
    stop_async_iteration,
    type_error,
    value_error,
    unicode_error,
    os_error,
    connection_error,
    timeout_error,
    cancelled_error,
    invalid_state_error,
    keyboard_interrupt,
    system_exit,
    generator_exit,
    queue_empty,
    queue_full,
    broken_barrier_error,
    import_error,
    module_not_found_error,
    limit_error,
    user_warning,
    warning,
    json_decode_error,
);

fn class(name: &str, bases: &[&Rc<Class>], builtin: BuiltinType, module: &str) -> Rc<Class> {
    let bases: Vec<Rc<Class>> = bases.iter().map(|b| (*b).clone()).collect();
    Rc::new(Class {
        name: name.into(),
        qualname: name.into(),
        mro: c3_mro(&bases).unwrap_or_default(),
        bases,
        dict: RefCell::new(Dict::default()),
        builtin,
        module: module.into(),
    })
}

/// The C3 linearization of a new class's bases (the class itself not included), as
/// Python orders method look-up; an error if the bases cannot be ordered.
pub fn c3_mro(bases: &[Rc<Class>]) -> Result<Vec<Rc<Class>>, String> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            std::iter::once(b.clone())
                .chain(b.mro.iter().cloned())
                .collect()
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let head = seqs
            .iter()
            .map(|s| s[0].clone())
            .find(|h| !seqs.iter().any(|s| s[1..].iter().any(|c| Rc::ptr_eq(c, h))))
            .ok_or_else(|| {
                "Cannot create a consistent method resolution order (MRO) for bases".to_string()
            })?;
        for s in &mut seqs {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

impl Types {
    pub fn new() -> Types {
        use BuiltinType as B;
        let object = make_root();
        let t = |name: &str, b: BuiltinType| class(name, &[&object], b, "builtins");
        let int = t("int", B::Int);
        let base_exception = class("BaseException", &[&object], B::BaseException, "builtins");
        let exc = |name: &str, base: &Rc<Class>| class(name, &[base], B::Other, "builtins");
        let exception = exc("Exception", &base_exception);
        let base_exception_group = exc("BaseExceptionGroup", &base_exception);
        let exception_group = class(
            "ExceptionGroup",
            &[&base_exception_group, &exception],
            B::Other,
            "builtins",
        );
        let arithmetic_error = exc("ArithmeticError", &exception);
        let lookup_error = exc("LookupError", &exception);
        let name_error = exc("NameError", &exception);
        let runtime_error = exc("RuntimeError", &exception);
        let value_error = exc("ValueError", &exception);
        let os_error = exc("OSError", &exception);
        let connection_error = exc("ConnectionError", &os_error);
        let import_error = exc("ImportError", &exception);
        let warning = exc("Warning", &exception);
        let cancelled_error = class("CancelledError", &[&base_exception], B::Other, "asyncio");
        let queue_empty = class("QueueEmpty", &[&exception], B::Other, "asyncio");
        let queue_full = class("QueueFull", &[&exception], B::Other, "asyncio");
        let invalid_state_error = class("InvalidStateError", &[&exception], B::Other, "asyncio");
        let broken_barrier_error =
            class("BrokenBarrierError", &[&runtime_error], B::Other, "asyncio");
        let json_decode_error = class("JSONDecodeError", &[&value_error], B::Other, "json");
        let mut types = Types {
            type_: t("type", B::Type),
            none: t("NoneType", B::NoneType),
            bool_: class("bool", &[&int], B::Bool, "builtins"),
            int: int.clone(),
            float: t("float", B::Float),
            str_: t("str", B::Str),
            tuple: t("tuple", B::Tuple),
            list: t("list", B::List),
            dict: t("dict", B::Dict),
            set: t("set", B::Set),
            frozenset: t("frozenset", B::FrozenSet),
            function: t("function", B::Function),
            builtin_function: t("builtin_function_or_method", B::BuiltinFunction),
            module: t("module", B::Module),
            range: t("range", B::Range),
            slice: t("slice", B::Slice),
            coroutine: t("coroutine", B::Coroutine),
            generator: t("generator", B::Generator),
            async_generator: t("async_generator", B::AsyncGenerator),
            iterator: t("iterator", B::Iterator),
            method: t("method", B::Method),
            property: t("property", B::Property),
            staticmethod: t("staticmethod", B::StaticMethod),
            classmethod: t("classmethod", B::ClassMethod),
            task: class("Task", &[&object], B::Task, "asyncio"),
            future: class("Future", &[&object], B::Future, "asyncio"),
            zero_division_error: exc("ZeroDivisionError", &arithmetic_error),
            overflow_error: exc("OverflowError", &arithmetic_error),
            assertion_error: exc("AssertionError", &exception),
            attribute_error: exc("AttributeError", &exception),
            index_error: exc("IndexError", &lookup_error),
            key_error: exc("KeyError", &lookup_error),
            unbound_local_error: exc("UnboundLocalError", &name_error),
            recursion_error: exc("RecursionError", &runtime_error),
            not_implemented_error: exc("NotImplementedError", &runtime_error),
            stop_iteration: exc("StopIteration", &exception),
            stop_async_iteration: exc("StopAsyncIteration", &exception),
            type_error: exc("TypeError", &exception),
            unicode_error: exc("UnicodeError", &value_error),
            connection_error: connection_error.clone(),
            timeout_error: exc("TimeoutError", &os_error),
            keyboard_interrupt: exc("KeyboardInterrupt", &base_exception),
            system_exit: exc("SystemExit", &base_exception),
            generator_exit: exc("GeneratorExit", &base_exception),
            module_not_found_error: exc("ModuleNotFoundError", &import_error),
            limit_error: exc("LooplabLimit", &base_exception),
            user_warning: exc("UserWarning", &warning),
            deprecation_warning: exc("DeprecationWarning", &warning),
            map_: t("map", B::Iterator),
            filter_: t("filter", B::Iterator),
            zip_: t("zip", B::Iterator),
            enumerate_: t("enumerate", B::Iterator),
            reversed_: t("reversed", B::Iterator),
            runtime_warning: exc("RuntimeWarning", &warning),
            connection_refused_error: exc("ConnectionRefusedError", &connection_error),
            connection_reset_error: exc("ConnectionResetError", &connection_error),
            connection_aborted_error: exc("ConnectionAbortedError", &connection_error),
            broken_pipe_error: exc("BrokenPipeError", &connection_error),
            file_not_found_error: exc("FileNotFoundError", &os_error),
            permission_error: exc("PermissionError", &os_error),
            eof_error: exc("EOFError", &exception),
            memory_error: exc("MemoryError", &exception),
            object,
            base_exception,
            exception,
            base_exception_group,
            exception_group,
            arithmetic_error,
            lookup_error,
            name_error,
            runtime_error,
            value_error,
            os_error,
            cancelled_error,
            invalid_state_error,
            queue_empty,
            queue_full,
            broken_barrier_error,
            import_error,
            warning,
            json_decode_error,
            all: Vec::new(),
        };
        types.all = vec![
            types.object.clone(),
            types.type_.clone(),
            types.bool_.clone(),
            types.int.clone(),
            types.float.clone(),
            types.str_.clone(),
            types.tuple.clone(),
            types.list.clone(),
            types.dict.clone(),
            types.set.clone(),
            types.frozenset.clone(),
            types.range.clone(),
            types.slice.clone(),
            types.property.clone(),
            types.staticmethod.clone(),
            types.classmethod.clone(),
            types.base_exception.clone(),
            types.exception.clone(),
            types.base_exception_group.clone(),
            types.exception_group.clone(),
            types.arithmetic_error.clone(),
            types.zero_division_error.clone(),
            types.overflow_error.clone(),
            types.assertion_error.clone(),
            types.attribute_error.clone(),
            types.lookup_error.clone(),
            types.index_error.clone(),
            types.key_error.clone(),
            types.name_error.clone(),
            types.unbound_local_error.clone(),
            types.runtime_error.clone(),
            types.recursion_error.clone(),
            types.not_implemented_error.clone(),
            types.stop_iteration.clone(),
            types.stop_async_iteration.clone(),
            types.type_error.clone(),
            types.value_error.clone(),
            types.unicode_error.clone(),
            types.os_error.clone(),
            types.connection_error.clone(),
            types.timeout_error.clone(),
            types.keyboard_interrupt.clone(),
            types.system_exit.clone(),
            types.generator_exit.clone(),
            types.import_error.clone(),
            types.module_not_found_error.clone(),
            types.warning.clone(),
            types.user_warning.clone(),
            types.deprecation_warning.clone(),
            types.runtime_warning.clone(),
            types.connection_refused_error.clone(),
            types.connection_reset_error.clone(),
            types.connection_aborted_error.clone(),
            types.broken_pipe_error.clone(),
            types.file_not_found_error.clone(),
            types.permission_error.clone(),
            types.eof_error.clone(),
            types.memory_error.clone(),
        ];
        types
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

fn make_root() -> Rc<Class> {
    Rc::new(Class {
        name: "object".into(),
        qualname: "object".into(),
        bases: Vec::new(),
        mro: Vec::new(),
        dict: RefCell::new(Dict::default()),
        builtin: BuiltinType::Object,
        module: "builtins".into(),
    })
}
