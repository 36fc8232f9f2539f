package io.vigil.detection.builtin.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An exclusion list from configuration: names compared case-insensitively, {@code *} matching any run
 * of characters (so {@code MSOL_*} covers every Entra Connect sync account). A {@code DOMAIN\} prefix
 * in a pattern is ignored, as events spell domains too many ways to match on.
 */
public final class NamePatterns {

    private final List<Pattern> patterns;

    private NamePatterns(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    public static NamePatterns of(Collection<String> globs) {
        return new NamePatterns(globs.stream()
                .map(String::strip)
                .filter(g -> !g.isEmpty())
                .map(g -> g.contains("\\") ? g.substring(g.lastIndexOf('\\') + 1) : g)
                .map(NamePatterns::compile)
                .toList());
    }

    private static Pattern compile(String glob) {
        return Pattern.compile(Arrays.stream(glob.toLowerCase(Locale.ROOT).split("\\*", -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }

    /** Whether any of the names matches a pattern; null names never match. */
    public boolean matches(String... names) {
        for (String name : names) {
            if (name == null) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            for (Pattern p : patterns) {
                if (p.matcher(lower).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }
}
