fn dump(c: &looplab::py::code::Code) {
    println!(
        "== {} locals={:?} cells={:?}",
        c.qualname, c.locals, c.cells
    );
    for (i, ins) in c.instrs.iter().enumerate() {
        println!("{i:4} L{:<3} {:?}", c.positions[i].line, ins);
    }
    for k in &c.consts {
        if let looplab::py::value::Value::Code(cc) = k {
            dump(cc);
        }
    }
}
fn main() {
    let src = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let m = looplab::py::parser::parse(&src).unwrap();
    let c = looplab::py::compile::compile_module(&m).unwrap();
    dump(&c);
}
