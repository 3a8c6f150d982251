// The verbs write to Console, which is one per process: the tests that capture it take turns.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
