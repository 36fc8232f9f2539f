package io.vigil.simulators;

import io.vigil.simulators.beyondtrust.BeyondTrustSimulator;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.core.VendorSimulator;
import io.vigil.simulators.cyberark.CyberArkSimulator;
import io.vigil.simulators.delinea.DelineaSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the PAM vendor simulators as a local server for the demo, until interrupted:
 * <pre>
 * java -cp vigil-simulators.jar:jackson… io.vigil.simulators.SimulatorMain --vendor cyberark --port 0
 * </pre>
 * Options: {@code --vendor cyberark|beyondtrust|delinea|all} (default all), {@code --port N} (the
 * main host's port; 0 picks one, and with {@code all} each vendor takes the next port),
 * {@code --extra-accounts N} (more service accounts, to see paging), {@code --polls N} (status polls
 * a password change takes), {@code --fail USER} (that account's changes fail; repeatable).
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String vendor = "all";
        int port = 0;
        SimulatorOptions options = SimulatorOptions.defaults();
        List<String> failing = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg)) {
                usage(null);
                return;
            }
            if (i + 1 >= args.length) {
                usage("missing value for " + arg);
                return;
            }
            String value = args[++i];
            switch (arg) {
                case "--vendor":
                    vendor = value.toLowerCase(Locale.ROOT);
                    break;
                case "--port":
                    port = Integer.parseInt(value);
                    break;
                case "--extra-accounts":
                    options = options.withGeneratedAccounts(Integer.parseInt(value));
                    break;
                case "--polls":
                    options = options.withPollsUntilChangeCompletes(Integer.parseInt(value));
                    break;
                case "--fail":
                    failing.add(value);
                    break;
                default:
                    usage("unknown option " + arg);
                    return;
            }
        }
        options = options.withFailingChanges(failing.toArray(String[]::new));
        List<VendorSimulator> running = new ArrayList<>();
        switch (vendor) {
            case "cyberark":
                running.add(CyberArkSimulator.start(options, port));
                break;
            case "beyondtrust":
                running.add(BeyondTrustSimulator.start(options, port));
                break;
            case "delinea":
                running.add(DelineaSimulator.start(options, port));
                break;
            case "all":
                running.add(CyberArkSimulator.start(options, port));
                running.add(BeyondTrustSimulator.start(options, port == 0 ? 0 : port + 1));
                running.add(DelineaSimulator.start(options, port == 0 ? 0 : port + 2));
                break;
            default:
                usage("unknown vendor " + vendor);
                return;
        }
        running.forEach(sim -> sim.describe().forEach(System.out::println));
        System.out.println("Simulators running; Ctrl-C stops them.");
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.forEach(VendorSimulator::close);
            stopped.countDown();
        }));
        stopped.await();
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println("SimulatorMain: " + problem);
        }
        System.err.println("usage: SimulatorMain [--vendor cyberark|beyondtrust|delinea|all] [--port N]"
                + " [--extra-accounts N] [--polls N] [--fail USER]...");
        if (problem != null) {
            System.exit(2);
        }
    }
}
