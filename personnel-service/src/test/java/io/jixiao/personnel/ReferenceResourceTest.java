package io.jixiao.personnel;

import static io.jixiao.personnel.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The code lists are data: seeded, readable by any caller, changed by the administrator, and used at once. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "personnel"))
class ReferenceResourceTest {

    private static final String CATEGORIES = "/api/personnel/reference/staff-categories";
    private static final String KINDS = "/api/personnel/reference/movement-kinds";

    @Test
    void theSeededListsAreReadByAnyAuthenticatedCaller() {
        for (String who : new String[] {"reporter", "finance", "client:xz-tjj-finance-system", "nounit"}) {
            given().auth().oauth2(token(who)).when().get(CATEGORIES).then().statusCode(200)
                    .body("code[0..3]", contains("civil-servant", "civil-servant-managed", "institution-staff",
                            "worker"))
                    .body("name[0..3]", contains("行政公务员", "参照公务员法管理事业人员", "事业人员", "机关工人"));
            given().auth().oauth2(token(who)).when().get(KINDS).then().statusCode(200)
                    .body("find { it.code == 'transfer-out' }.name", equalTo("调出"))
                    .body("find { it.code == 'transfer-out' }.direction", equalTo("OUT"))
                    .body("find { it.code == 'retirement' }.direction", equalTo("OUT"))
                    .body("find { it.code == 'aid-tibet-doctoral' }.name", equalTo("援藏博士服务团"))
                    .body("find { it.code == 'aid-tibet-doctoral' }.direction", equalTo("IN"))
                    .body("find { it.code == 'military-resettlement' }.direction", equalTo("IN"))
                    .body("code", hasItems("resignation", "death", "open-recruitment", "civil-service-exam",
                            "open-selection", "transfer-in", "talent-introduction"));
        }
        given().when().get(KINDS).then().statusCode(401);
    }

    @Test
    void onlyTheAdministratorChangesTheListsAndAStaffDocumentMayUseANewKindAtOnce() {
        Api.ensureUnit("XZ-WXB");
        String path = Api.staffPath("XZ-WXB", 2021);
        ObjectNode staff = Api.seedStaff(2021);
        staff.withArray("movements").addObject().put("kind", "secondment-in").put("count", 1);
        given().auth().oauth2(token("reporter")).contentType(ContentType.JSON).body(Api.write(staff))
                .when().put(path).then().statusCode(400).body("errors.field", contains("movements[8].kind"));

        String kind = "{\"name\":\"借调\",\"direction\":\"IN\",\"sortOrder\":175}";
        for (String who : new String[] {"reporter", "finance", "client:xz-wxb-finance-system"}) {
            given().auth().oauth2(token(who)).contentType(ContentType.JSON).body(kind)
                    .when().put(KINDS + "/secondment-in").then().statusCode(403);
        }
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body("{\"name\":\"借调\",\"direction\":"
                + "\"SIDEWAYS\",\"sortOrder\":1}").when().put(KINDS + "/secondment-in")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("direction"));
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(kind)
                .when().put(KINDS + "/Secondment In").then().statusCode(400).body("errors.field", hasItem("code"));
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(kind)
                .when().put(KINDS + "/secondment-in").then().statusCode(200)
                .body("code", equalTo("secondment-in")).body("direction", equalTo("IN"));
        given().auth().oauth2(token("reporter")).when().get(KINDS).then().statusCode(200)
                .body("find { it.code == 'secondment-in' }.name", equalTo("借调"));

        // accepted now, and counted as an arrival: 408 + 28 − 54 = 382, but 381 stated
        given().auth().oauth2(token("reporter")).contentType(ContentType.JSON).body(Api.write(staff))
                .when().put(path).then().statusCode(200)
                .body("findings.ruleId", contains("STAFF-MOVEMENTS-BALANCE", "STAFF-UNCHECKED"))
                .body("findings[0].expected", equalTo(382)).body("findings[0].stated", equalTo(381));

        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"合同制人员\",\"sortOrder\":50}").when().put(CATEGORIES + "/contract-staff")
                .then().statusCode(200).body("name", equalTo("合同制人员"));
        given().auth().oauth2(token("reporter")).when().get(CATEGORIES).then().statusCode(200)
                .body("code", contains("civil-servant", "civil-servant-managed", "institution-staff", "worker",
                        "contract-staff", "other"));
        given().auth().oauth2(token("finance")).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"sortOrder\":1}").when().put(CATEGORIES + "/contract-staff")
                .then().statusCode(403);
    }
}
