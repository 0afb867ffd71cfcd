package io.columba.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code columba local ...}: run Columba on this machine, as {@code tb local} runs Tinybird Local. */
@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = "Run Columba on this machine.",
        subcommands = {StartCommand.class, LoadCommand.class})
final class LocalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
