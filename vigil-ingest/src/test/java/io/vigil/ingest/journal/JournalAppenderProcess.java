package io.vigil.ingest.journal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child process of {@link KillNineTest}: appends numbered records from several threads as fast as
 * it can and prints {@code <position> <number>} for every record once its append has returned, until
 * it is killed.
 *
 * <p>Arguments: journal directory, first record number, number of appending threads.
 */
public final class JournalAppenderProcess {

    private JournalAppenderProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        AtomicLong numbers = new AtomicLong(Long.parseLong(args[1]));
        int threads = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, false);
        Journal journal = Journal.open(JournalConfig.defaults(directory).withSegmentBytes(256 << 10));
        System.err.println("opened: " + journal.recovery());
        out.println("ready");
        out.flush();
        List<Thread> appenders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> appendForever(journal, numbers, out));
            thread.start();
            appenders.add(thread);
        }
        for (Thread thread : appenders) {
            thread.join();
        }
    }

    private static void appendForever(Journal journal, AtomicLong numbers, PrintStream out) {
        try {
            while (true) {
                int count = 1 + (int) (numbers.get() % 4);
                long first = numbers.getAndAdd(count);
                List<byte[]> batch = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    batch.add(JournalTestSupport.payload(first + i));
                }
                PositionRange range = journal.append(batch);
                StringBuilder acks = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    acks.append(range.positionOf(i)).append(' ').append(first + i).append('\n');
                }
                synchronized (out) {
                    out.print(acks);
                    out.flush();
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(3);
        }
    }
}
