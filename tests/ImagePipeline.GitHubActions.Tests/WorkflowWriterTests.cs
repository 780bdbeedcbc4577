using ImagePipeline.GitHubActions;

namespace ImagePipeline.GitHubActions.Tests;

public class WorkflowWriterTests
{
    private static Workflow Sample() => new("ci", new WorkflowTriggers
    {
        Push = new PushTrigger(["main"], ["src/**"]),
        WorkflowDispatch = new WorkflowDispatchTrigger([WorkflowInput.Boolean("force", "Force it")]),
    },
    [
        new WorkflowJob("build", [WorkflowStep.Uses("Check out", "actions/checkout@v4"), WorkflowStep.Script("Build", "make\nmake test\n") with { Id = "build" }])
        {
            If = "inputs.force == true",
            Outputs = new Dictionary<string, string> { ["z"] = "${{ steps.build.outputs.z }}", ["a"] = "${{ steps.build.outputs.a }}" },
            Strategy = new JobStrategy("${{ fromJSON(needs.plan.outputs.matrix) }}") { MaxParallel = 3, FailFast = false },
        },
    ])
    {
        Banner = ["Generated; do not edit."],
        Permissions = new Dictionary<string, string> { ["contents"] = "read" },
        Concurrency = new WorkflowConcurrency("ci", CancelInProgress: false),
    };

    [Fact]
    public void Write_Sample_MatchesExpectedYaml()
    {
        var yaml = WorkflowWriter.Write(Sample());

        Assert.Equal("""
            # Generated; do not edit.

            name: ci

            on:
              push:
                branches:
                  - main
                paths:
                  - src/**
              workflow_dispatch:
                inputs:
                  force:
                    description: Force it
                    type: boolean
                    required: false
                    default: false

            permissions:
              contents: read

            concurrency:
              group: ci
              cancel-in-progress: false

            jobs:
              build:
                if: inputs.force == true
                runs-on: ubuntu-latest
                strategy:
                  fail-fast: false
                  max-parallel: 3
                  matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}
                outputs:
                  a: ${{ steps.build.outputs.a }}
                  z: ${{ steps.build.outputs.z }}
                steps:
                  - name: Check out
                    uses: actions/checkout@v4
                  - name: Build
                    id: build
                    run: |
                      make
                      make test

            """, yaml);
    }

    [Fact]
    public void Write_SameModelTwice_IsByteIdentical() =>
        Assert.Equal(WorkflowWriter.Write(Sample()), WorkflowWriter.Write(Sample()));

    [Fact]
    public void Write_NoPermissions_WritesEmptyMapping()
    {
        var yaml = WorkflowWriter.Write(new Workflow("x", new WorkflowTriggers(), [new WorkflowJob("j", [WorkflowStep.Script("s", "true")])]));

        Assert.Contains("\npermissions: {}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\non: {}\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_JobEnvironment_FollowsRunsOn()
    {
        var job = new WorkflowJob("deploy", [WorkflowStep.Script("s", "true")]) { Environment = "production" };

        var yaml = WorkflowWriter.Write(new Workflow("x", new WorkflowTriggers(), [job]));

        Assert.Contains("    runs-on: ubuntu-latest\n    environment: production\n    steps:\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("environment:", WorkflowWriter.Write(new Workflow("x", new WorkflowTriggers(), [job with { Environment = null }])), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_StepContinueOnError_IsAPlainBooleanAfterIf()
    {
        var step = WorkflowStep.Uses("Fetch", "actions/download-artifact@v4") with { If = "always()", ContinueOnError = true };

        var yaml = WorkflowWriter.Write(new Workflow("x", new WorkflowTriggers(), [new WorkflowJob("j", [step])]));

        Assert.Contains("      - name: Fetch\n        if: always()\n        continue-on-error: true\n        uses: actions/download-artifact@v4\n", yaml, StringComparison.Ordinal);
    }
}
