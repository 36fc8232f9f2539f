package io.vigil.server.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A console page anyone may see without signing in: the sign-in page only. Every other console
 * handler carries an access annotation ({@link ReaderAccess} …) and is refused without one.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicPage {
}
