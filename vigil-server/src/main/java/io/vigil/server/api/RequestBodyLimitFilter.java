package io.vigil.server.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies of the API: triage changes, comments and settings are small, so a body past
 * {@link #MAX_BYTES} is refused (413) as it is read, whether it declared its length or came chunked.
 * Event ingest has its own, larger bound and is left alone.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final long MAX_BYTES = 1 << 20;
    private static final String INGEST = "/api/v1/events";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || path.equals(INGEST) || path.startsWith(INGEST + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new BoundedRequest(request), response);
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private ServletInputStream bounded;

        BoundedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new BoundedStream(super.getInputStream(), getContentLengthLong() > MAX_BYTES);
            }
            return bounded;
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final boolean declaredTooLarge;
        private long read;

        BoundedStream(ServletInputStream in, boolean declaredTooLarge) {
            this.in = in;
            this.declaredTooLarge = declaredTooLarge;
        }

        @Override
        public int read() throws IOException {
            check(0);
            int b = in.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(0);
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int justRead) throws BodyTooLargeException {
            read += justRead;
            if (declaredTooLarge || read > MAX_BYTES) {
                throw new BodyTooLargeException(MAX_BYTES);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
