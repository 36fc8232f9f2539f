package io.vigil.ingest.evtx;

import io.vigil.ingest.testsupport.RecordingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Mutated real files (fixed seeds): byte flips, byte runs, truncations, with chunk checksums
 * recomputed after most mutations so that the damage reaches the Binary XML parser instead of
 * stopping at the checksum. Whatever the damage, decode must return normally, reporting what it
 * could not read, and never hang.
 */
class EvtxFuzzTest {

    private static final List<String> SEEDS = List.of(
            "deepbluecli/evtx/password-spray.evtx",
            "evtx-attack-samples/Credential Access/CA_DCSync_4662.evtx",
            "evtx-attack-samples/Execution/sysmon_zipexec.evtx",
            "sigma/regression_data/rules/windows/builtin/wmi/win_wmi_activity_nteventlogfile_cleareventlog/"
                    + "d4f1a2b3-7c8e-4d5f-b6a9-1e0c2d3f4e5b.evtx");
    private static final int MUTANTS_PER_FILE = 800;

    @Test
    void mutatedFilesNeverThrowNorHang() throws IOException {
        List<byte[]> originals = new ArrayList<>();
        for (String seed : SEEDS) {
            originals.add(EvtxDamageTest.corpusFile(seed));
        }
        EvtxDecoder sequential = new EvtxDecoder(EvtxOptions.singleThreaded().withSlackRecovery(true));
        EvtxDecoder parallel = new EvtxDecoder(EvtxOptions.defaults().withParallelism(3));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            long events = 0;
            long errors = 0;
            for (int f = 0; f < originals.size(); f++) {
                Random random = new Random(1_000L * f);
                for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                    byte[] mutant = mutate(originals.get(f), random);
                    EvtxDecoder decoder = i % 4 == 0 ? parallel : sequential;
                    RecordingListener result = RecordingListener.decode(decoder, SEEDS.get(f) + "#" + i, mutant);
                    events += result.events.size();
                    errors += result.errors.size();
                }
            }
            assertThat(events).isPositive();
            assertThat(errors).isPositive();
        });
    }

    private static byte[] mutate(byte[] original, Random random) {
        int end = Math.min(original.length, 4096 + 65536 * 3);
        byte[] b = Arrays.copyOf(original, end);
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    b[4096 + 512 + random.nextInt(end - 4096 - 512)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = 4096 + 512 + random.nextInt(end - 4096 - 600);
                byte[] run = new byte[1 + random.nextInt(64)];
                random.nextBytes(run);
                System.arraycopy(run, 0, b, at, Math.min(run.length, end - at));
            }
            case 2 -> {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    int at = 4096 + 512 + random.nextInt(end - 4096 - 520);
                    b[at] = (byte) (random.nextBoolean() ? 0xFF : random.nextInt(0x50));
                }
            }
            case 3 -> {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    b[random.nextInt(end)] = (byte) random.nextInt(256);
                }
            }
            default -> {
                return Arrays.copyOf(b, random.nextInt(end));
            }
        }
        if (random.nextInt(10) > 0) {
            recomputeChecksums(b);
        }
        return b;
    }

    private static void recomputeChecksums(byte[] file) {
        ByteBuffer le = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int chunk = 4096; chunk + 65536 <= file.length; chunk += 65536) {
            int freeSpace = le.getInt(chunk + 48);
            CRC32 crc = new CRC32();
            if (freeSpace >= 512 && freeSpace <= 65536) {
                crc.update(file, chunk + 512, freeSpace - 512);
                le.putInt(chunk + 52, (int) crc.getValue());
            }
            crc.reset();
            crc.update(file, chunk, 120);
            crc.update(file, chunk + 128, 384);
            le.putInt(chunk + 124, (int) crc.getValue());
        }
    }
}
