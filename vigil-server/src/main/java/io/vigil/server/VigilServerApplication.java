package io.vigil.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The always-on server. Component scanning covers the web and service packages under
 * {@code io.vigil.server}; the command line ({@code cli}, {@code scan}, {@code demo}) holds no beans.
 */
@SpringBootApplication
public class VigilServerApplication {
}
