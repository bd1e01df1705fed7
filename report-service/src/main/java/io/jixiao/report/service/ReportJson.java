package io.jixiao.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.report.model.ReportModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A report as the JSON text a version stores, and the SHA-256 that identifies its content. */
@ApplicationScoped
public class ReportJson {

    private final ObjectMapper mapper;

    public ReportJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(ReportModel model) {
        try {
            return mapper.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ReportModel read(String json) {
        try {
            return mapper.readValue(json, ReportModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report version is unreadable", e);
        }
    }

    /** SHA-256 of a version's content, hex. */
    public static String hash(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
