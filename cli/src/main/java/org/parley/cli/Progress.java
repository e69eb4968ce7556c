package org.parley.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for long runs, shown only when standard error is a terminal (the
 * {@code stance} script passes {@code -Dparley.stderr.tty}) or when asked for; otherwise it does nothing.
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** @param total the number of documents, or -1 when unknown */
    static Progress start(String task, long total, Boolean forced) {
        boolean show = forced != null ? forced : Boolean.getBoolean("parley.stderr.tty");
        if (!show) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" docs", 1).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build();
        return new Progress(bar);
    }

    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
