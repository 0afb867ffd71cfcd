package io.columba.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code columba test}: the commands of a data project's tests ({@code run}). */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = "Run a data project's tests against a running Columba.",
        subcommands = {TestRunCommand.class})
final class TestCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
