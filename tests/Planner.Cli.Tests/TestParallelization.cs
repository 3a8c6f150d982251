// The verbs write to Console, which is one per process: the tests that capture it take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
