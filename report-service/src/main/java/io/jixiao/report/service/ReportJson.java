package io.jixiao.report.service;

import io.jixiao.commons.json.StoredJson;
import io.jixiao.report.model.ReportModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A report as the JSON text a version stores, and the SHA-256 that identifies its content. */
@ApplicationScoped
public class ReportJson {

    private final StoredJson json;

    public ReportJson(StoredJson json) {
        this.json = json;
    }

    public String write(ReportModel model) {
        return json.write(model);
    }

    public ReportModel read(String content) {
        return json.read(content, ReportModel.class);
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
