package io.vigil.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vigil.server.security.ReaderAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springdoc.core.customizers.SpringDocCustomizers;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.SpringDocProviders;
import org.springdoc.core.service.AbstractRequestService;
import org.springdoc.core.service.GenericResponseService;
import org.springdoc.core.service.OpenAPIService;
import org.springdoc.core.service.OperationService;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectFactory;

/**
 * springdoc's document endpoint, carrying the access annotation every API handler must have: the
 * server refuses an {@code /api/} handler without one. The mappings stay springdoc's (inherited).
 */
class ReaderOnlyOpenApiResource extends OpenApiWebMvcResource {

    ReaderOnlyOpenApiResource(ObjectFactory<OpenAPIService> openApi, AbstractRequestService requests,
                              GenericResponseService responses, OperationService operations,
                              SpringDocConfigProperties properties, SpringDocProviders providers,
                              SpringDocCustomizers customizers) {
        super(openApi, requests, responses, operations, properties, providers, customizers);
    }

    @Override
    @ReaderAccess
    public byte[] openapiJson(HttpServletRequest request, String apiDocsUrl, Locale locale)
            throws JsonProcessingException {
        return super.openapiJson(request, apiDocsUrl, locale);
    }

    @Override
    @ReaderAccess
    public byte[] openapiYaml(HttpServletRequest request, String apiDocsUrl, Locale locale)
            throws JsonProcessingException {
        return super.openapiYaml(request, apiDocsUrl, locale);
    }
}
