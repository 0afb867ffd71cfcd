package io.columba.cli;

import io.columba.storage.error.ColumbaException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code columba} command: {@code local start} runs the server; {@code build}, {@code test run}, {@code sql} and
 * {@code append} talk to a running one.
 */
@Command(
        name = "columba",
        mixinStandardHelpOptions = true,
        version = "columba 0.1.0",
        description = "Self-hostable real-time analytics with Tinybird's API on a columnar engine.",
        subcommands = {LocalCommand.class, BuildCommand.class, TestCommand.class, SqlCommand.class, AppendCommand.class
        })
public final class ColumbaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: expected failures print one line, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ColumbaCommand());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof UncheckedIOException io) {
                line.getErr().println("columba: " + io.getCause().getMessage());
                return 1;
            }
            if (exception instanceof ColumbaException || exception instanceof CommandFailure) {
                line.getErr().println("columba: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
