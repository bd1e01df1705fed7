package io.jixiao.report.writing;

import static io.jixiao.report.writing.ChineseText.fullDate;

import io.jixiao.events.personnel.AssetDocument;
import java.math.BigDecimal;

/** 一（一）4.资产情况: fixed and intangible assets, in use, idle and awaiting disposal, in 万元. */
final class AssetSection {

    private AssetSection() {
    }

    static String write(FigureLedger ledger, String self, AssetDocument assets) {
        StringBuilder s = new StringBuilder("截至").append(fullDate(assets.asOf())).append("，").append(self);
        s.append(assetClass(ledger, "fixedAssets", "自用固定资产", assets.fixedAssets(), "待处置", "资产"));
        s.append("；");
        s.append(assetClass(ledger, "intangibleAssets", "自用无形资产", assets.intangibleAssets(),
                "待处置（待报废、毁损等）", "无形资产"));
        s.append("。");
        return s.toString();
    }

    private static String assetClass(FigureLedger ledger, String key, String label, AssetDocument.AssetStates states,
            String disposalLabel, String noun) {
        String k = "assets." + key;
        if (states == null) {
            return label + ledger.money(k + ".total", label, null, "assets") + "万元";
        }
        StringBuilder s = new StringBuilder(label).append(ledger.money(k + ".total", label, states.total(), "assets"))
                .append("万元，其中在用").append(ledger.money(k + ".inUse", label + "在用", states.inUse(), "assets"))
                .append("万元，");
        boolean noIdle = zero(states.idle());
        boolean noDisposal = zero(states.awaitingDisposal());
        if (states.idle() != null) {
            ledger.money(k + ".idle", label + "闲置", states.idle(), "assets");
        }
        if (states.awaitingDisposal() != null) {
            ledger.money(k + ".awaitingDisposal", label + "待处置", states.awaitingDisposal(), "assets");
        }
        if (noIdle && noDisposal) {
            s.append("无闲置、").append(disposalLabel).append(noun);
        } else {
            String idle = noIdle ? "无闲置" + noun
                    : "闲置" + ledger.money(k + ".idle", label + "闲置", states.idle(), "assets") + "万元";
            String disposal = noDisposal ? "无" + disposalLabel + noun
                    : disposalLabel + ledger.money(k + ".awaitingDisposal", label + "待处置", states.awaitingDisposal(),
                            "assets") + "万元";
            s.append(idle).append("，").append(disposal);
        }
        return s.toString();
    }

    private static boolean zero(BigDecimal value) {
        return value != null && value.signum() == 0;
    }
}
