using BenchmarkDotNet.Running;

// One class per question, each with its baseline beside it:
//   dotnet run -c Release --project benchmarks/Planner.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
