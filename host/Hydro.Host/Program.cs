using Hydro.Host;

// The hydro command line. For now it has one verb, `demo`; experiment verbs (train, evaluate, validate …) arrive
// with the hosted core.
return args switch
{
    ["demo", .. var rest] => Demo.Run(DemoOptions.Parse(rest), Console.Out),
    [] or ["-h"] or ["--help"] or ["help"] => Usage(0),
    _ => Usage(2),
};

static int Usage(int code)
{
    var w = code == 0 ? Console.Out : Console.Error;
    w.WriteLine("usage: hydro demo [--epochs N] [--seed N] [--device cpu|cuda]");
    w.WriteLine("  demo   trains a small LSTM rainfall-runoff model on generated data and reports the test NSE");
    return code;
}
