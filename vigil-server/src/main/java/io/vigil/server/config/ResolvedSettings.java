package io.vigil.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Settings gathered from the command line, then {@code VIGIL_*} environment variables, then the config
 * file — the first source that names a setting wins — each remembered with where it came from, so
 * {@code vigil show-config}-style output and error messages can say so.
 */
public final class ResolvedSettings {

    public enum Source { COMMAND_LINE, ENVIRONMENT, CONFIG_FILE, DEFAULT }

    public record Value(String value, Source source) {
    }

    private final Map<ServerSetting, Value> values;

    private ResolvedSettings(Map<ServerSetting, Value> values) {
        this.values = values;
    }

    /**
     * @param commandLine settings given as options (only those the user typed)
     * @param environment the process environment ({@code System.getenv()})
     * @param defaultConfigFile the config file read when none is named (may not exist)
     */
    public static ResolvedSettings resolve(Map<ServerSetting, String> commandLine, Map<String, String> environment,
            Path defaultConfigFile) {
        Map<ServerSetting, Value> values = new EnumMap<>(ServerSetting.class);
        commandLine.forEach((s, v) -> values.put(s, new Value(v, Source.COMMAND_LINE)));
        for (ServerSetting s : ServerSetting.values()) {
            String v = environment.get(s.environmentVariable());
            if (v != null && !values.containsKey(s)) {
                values.put(s, new Value(v, Source.ENVIRONMENT));
            }
        }
        Value named = values.get(ServerSetting.CONFIG_FILE);
        Path file = named != null ? Path.of(named.value()) : defaultConfigFile;
        if (named != null && !Files.isRegularFile(file)) {
            throw new InvalidConfigurationException("config file " + file + " does not exist");
        }
        if (file != null && Files.isRegularFile(file)) {
            readConfigFile(file).forEach((s, v) -> values.putIfAbsent(s, new Value(v, Source.CONFIG_FILE)));
        }
        return new ResolvedSettings(values);
    }

    private static Map<ServerSetting, String> readConfigFile(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<ServerSetting, String> settings = new EnumMap<>(ServerSetting.class);
        for (String name : properties.stringPropertyNames()) {
            ServerSetting s = ServerSetting.byKey(name.strip());
            if (s == null || s == ServerSetting.CONFIG_FILE) {
                throw new InvalidConfigurationException("config file " + file + ": unknown setting '" + name + "'");
            }
            settings.put(s, properties.getProperty(name).strip());
        }
        return settings;
    }

    /** The value, or null when no source named it. */
    public String get(ServerSetting setting) {
        Value v = values.get(setting);
        return v == null ? null : v.value();
    }

    public Source sourceOf(ServerSetting setting) {
        Value v = values.get(setting);
        return v == null ? Source.DEFAULT : v.source();
    }

    /** For messages: the value, or {@code ****} for secrets. */
    public String display(ServerSetting setting) {
        String v = get(setting);
        return v == null ? "(not set)" : setting.secret() ? "****" : v;
    }
}
