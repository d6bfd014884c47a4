//! Python values. Small immutable ones (`None`, bools, ints, floats, strings) are held
//! inline; everything else is shared through an `Rc`, as Python shares objects by
//! reference. Reference cycles (a list that contains itself) leak, which a run that
//! ends in seconds can afford.

use super::code::Code;
use indexmap::{IndexMap, IndexSet};
use std::cell::{Cell, RefCell};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    None,
    /// A local variable not yet assigned (never visible to programs).
    Unbound,
    Ellipsis,
    NotImplemented,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    Tuple(Rc<[Value]>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Code(Rc<Code>),
    /// Everything else: modules, methods, iterators, coroutines, tasks, futures...
    Object(Rc<Object>),
}

/// Dicts and sets hash with FxHash: keys are program values, not attacker input, and
/// a global or attribute look-up hashes a name on every access.
pub type Dict = IndexMap<Key, Value, rustc_hash::FxBuildHasher>;
pub type Set = IndexSet<Key, rustc_hash::FxBuildHasher>;

/// A dict key or set member: a hashable value, hashed and compared as Python does
/// (`1 == 1.0 == True`, so they are the same key).
#[derive(Clone, Debug)]
pub struct Key(pub Value);

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(&self.0, state)
    }
}

fn hash_value<H: Hasher>(v: &Value, state: &mut H) {
    match v {
        Value::None => 0u8.hash(state),
        Value::Bool(b) => (*b as i64).hash(state),
        Value::Int(i) => i.hash(state),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.2e18 {
                (*f as i64).hash(state)
            } else {
                f.to_bits().hash(state)
            }
        }
        Value::Str(s) => s.hash(state),
        Value::Tuple(items) => {
            items.len().hash(state);
            for i in items.iter() {
                hash_value(i, state);
            }
        }
        Value::FrozenSet(s) => s.len().hash(state),
        other => other.identity().hash(state),
    }
}

/// A name looked up in a dict without building a `Key` (no allocation): hashes and
/// compares as the `Key` of the same string.
pub struct Name<'a>(pub &'a str);

impl Hash for Name<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl indexmap::Equivalent<Key> for Name<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        matches!(&key.0, Value::Str(s) if &**s == self.0)
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        key_eq(&self.0, &other.0)
    }
}

impl Eq for Key {}

/// Equality of hashable values without calling Python code.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| key_eq(a, b))
        }
        (Value::FrozenSet(x), Value::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|k| y.contains(k))
        }
        (Value::None, Value::None) => true,
        _ => match (a.as_number(), b.as_number()) {
            (Some(x), Some(y)) => x == y,
            _ => a.identity() != 0 && a.identity() == b.identity(),
        },
    }
}

/// A number as Python compares numbers.
#[derive(Clone, Copy, Debug)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    pub fn to_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

impl PartialEq<Num> for Num {
    fn eq(&self, other: &Num) -> bool {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a == b,
            _ => self.to_f64() == other.to_f64(),
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(s.into())
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(items.into())
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    pub fn object(o: Object) -> Value {
        Value::Object(Rc::new(o))
    }

    pub fn as_number(&self) -> Option<Num> {
        match self {
            Value::Bool(b) => Some(Num::Int(*b as i64)),
            Value::Int(i) => Some(Num::Int(*i)),
            Value::Float(f) => Some(Num::Float(*f)),
            _ => None,
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The object's address, as `id()` and `is` use it (0 for inline values).
    pub fn identity(&self) -> usize {
        match self {
            Value::Str(s) => Rc::as_ptr(s) as *const u8 as usize,
            Value::Tuple(t) => Rc::as_ptr(t) as *const u8 as usize,
            Value::List(l) => Rc::as_ptr(l) as usize,
            Value::Dict(d) => Rc::as_ptr(d) as usize,
            Value::Set(s) => Rc::as_ptr(s) as usize,
            Value::FrozenSet(s) => Rc::as_ptr(s) as usize,
            Value::Function(f) => Rc::as_ptr(f) as usize,
            Value::Builtin(b) => Rc::as_ptr(b) as usize,
            Value::Class(c) => Rc::as_ptr(c) as usize,
            Value::Instance(i) => Rc::as_ptr(i) as usize,
            Value::Code(c) => Rc::as_ptr(c) as usize,
            Value::Object(o) => match &**o {
                // A task is wrapped anew each time it is handed out: it is the task.
                Object::Aio(super::aio::AioObject::Task(t)) => Rc::as_ptr(t) as usize,
                _ => Rc::as_ptr(o) as usize,
            },
            _ => 0,
        }
    }

    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::Ellipsis, Value::Ellipsis)
            | (Value::NotImplemented, Value::NotImplemented) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython, so `is` holds for them.
            (Value::Int(a), Value::Int(b)) => a == b && (-5..=256).contains(a),
            (Value::Str(a), Value::Str(b)) => a == b,
            _ => self.identity() != 0 && self.identity() == other.identity(),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// A Python function: code plus what the `def` gave it.
#[derive(Debug)]
pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<RefCell<Dict>>,
    pub defaults: Vec<Value>,
    pub kw_defaults: Vec<(Rc<str>, Value)>,
    pub closure: Vec<Rc<RefCell<Value>>>,
    /// `__name__`, `__doc__`... set by `functools.wraps` or assignment.
    pub attrs: RefCell<Dict>,
}

/// A function written in Rust.
pub struct Builtin {
    pub name: Rc<str>,
    pub func: BuiltinFn,
    /// The object a method is bound to, passed first.
    pub bound: Option<Value>,
}

impl std::fmt::Debug for Builtin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

/// A builtin's body: the interpreter, the arguments and the keyword arguments.
pub type BuiltinFn =
    fn(&mut super::vm::Vm, Vec<Value>, Vec<(Rc<str>, Value)>) -> Result<Value, Value>;

/// The built-in types, for `type()`, `isinstance` and method look-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinType {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Function,
    BuiltinFunction,
    Module,
    Range,
    Slice,
    Coroutine,
    Generator,
    AsyncGenerator,
    Iterator,
    Method,
    Property,
    StaticMethod,
    ClassMethod,
    BaseException,
    Task,
    Future,
    Other,
}

/// A class: built-in or defined by the program.
#[derive(Debug)]
pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order after this class (C3, as Python orders look-up).
    pub mro: Vec<Rc<Class>>,
    pub dict: RefCell<Dict>,
    pub builtin: BuiltinType,
    /// The module it was defined in (`__main__`, `builtins`, `asyncio`).
    pub module: Rc<str>,
}

impl Class {
    /// Looks `name` up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let key = Name(name);
        if let Some(v) = self.dict.borrow().get(&key) {
            return Some(v.clone());
        }
        self.mro
            .iter()
            .find_map(|c| c.dict.borrow().get(&key).cloned())
    }

    pub fn is_subclass(self: &Rc<Self>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.iter().any(|c| Rc::ptr_eq(c, other))
    }

    /// The built-in type this class derives from (`Exception` for user exceptions).
    pub fn base_builtin(&self) -> BuiltinType {
        std::iter::once(self.builtin)
            .chain(self.mro.iter().map(|c| c.builtin))
            .find(|b| *b != BuiltinType::Object && *b != BuiltinType::Other)
            .unwrap_or(BuiltinType::Object)
    }
}

/// An instance of a class defined by the program, or an exception.
#[derive(Debug)]
pub struct Instance {
    pub class: Rc<Class>,
    pub dict: RefCell<Dict>,
    /// Set for exceptions.
    pub exc: Option<RefCell<ExcState>>,
}

/// What an exception carries besides its attributes.
#[derive(Debug, Default)]
pub struct ExcState {
    pub args: Vec<Value>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
    /// Where it passed, outermost first.
    pub traceback: Vec<TracebackEntry>,
    /// An `ExceptionGroup`'s exceptions.
    pub group: Vec<Value>,
    pub notes: Vec<Value>,
}

/// A line of a traceback: `File "main.py", line 3, in fetch`.
#[derive(Clone, Debug, PartialEq)]
pub struct TracebackEntry {
    pub file: Rc<str>,
    pub func: Rc<str>,
    pub line: u32,
}

/// Heap values that are neither containers nor classes.
#[derive(Debug)]
pub enum Object {
    Module(Module),
    /// A function bound to an instance.
    Method {
        func: Value,
        recv: Value,
    },
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Iter(RefCell<Iter>),
    /// A generator, coroutine or async generator: a frame not yet finished.
    Gen(RefCell<super::vm::frame::GenState>),
    Cell(Rc<RefCell<Value>>),
    Property {
        get: Value,
        set: Value,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super()` bound to a class and an instance.
    Super {
        class: Rc<Class>,
        recv: Value,
    },
    /// asyncio's objects.
    Aio(super::aio::AioObject),
    /// A counter for `itertools.count`-like needs and ids.
    Counter(Cell<i64>),
}

#[derive(Debug)]
pub struct Module {
    pub name: Rc<str>,
    pub dict: Rc<RefCell<Dict>>,
}

/// The iterators builtins return.
#[derive(Debug)]
pub enum Iter {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Over a snapshot of keys, values or items.
    Items {
        items: Rc<[Value]>,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    Reversed {
        seq: Value,
        index: usize,
    },
    Str {
        s: Rc<str>,
        byte: usize,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// What `__await__()` of a coroutine, future, task or `asyncio.sleep()` returns: an
    /// `__await__` method may return it, and the object it belongs to awaits the
    /// awaitable inside.
    Await(Value),
    Done,
}
