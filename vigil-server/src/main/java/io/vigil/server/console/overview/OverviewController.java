package io.vigil.server.console.overview;

import io.vigil.server.security.ReaderAccess;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: the console's home. */
@Controller
class OverviewController {

    @GetMapping("/")
    @ReaderAccess
    String overview() {
        return "overview/index";
    }
}
