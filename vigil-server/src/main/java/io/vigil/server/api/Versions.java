package io.vigil.server.api;

/**
 * Optimistic locking over HTTP: a resource's version goes out as its {@code ETag} ({@code "3"}) and
 * comes back either as {@code If-Match} or as a {@code version} field in the body.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the client based its change on.
     *
     * @throws PreconditionRequiredException when it sent neither
     * @throws InvalidRequestException       when the two disagree or If-Match is not one of our ETags
     */
    public static long expected(String ifMatch, Long bodyVersion) {
        Long headerVersion = ifMatch == null || ifMatch.isBlank() ? null : parseETag(ifMatch.strip());
        if (headerVersion != null && bodyVersion != null && !headerVersion.equals(bodyVersion)) {
            throw new InvalidRequestException("version", "If-Match " + ifMatch + " and version " + bodyVersion
                    + " disagree; send one of them");
        }
        Long version = headerVersion != null ? headerVersion : bodyVersion;
        if (version == null) {
            throw new PreconditionRequiredException("send the version you read, as If-Match: \"<version>\" "
                    + "(the ETag of the GET) or as a \"version\" field, so a concurrent change is never overwritten");
        }
        return version;
    }

    private static long parseETag(String ifMatch) {
        String tag = ifMatch.startsWith("W/") ? ifMatch.substring(2) : ifMatch;
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "If-Match must be the ETag a GET returned, such as \"3\"; was "
                    + ifMatch);
        }
    }
}
