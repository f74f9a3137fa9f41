package dev.converge.engine.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafetyPolicyTest {

    @Test
    void annotationsAddToTheAllowancesAPolicyAlreadyHolds() {
        SafetyPolicy embedder = SafetyPolicy.DEFAULT
                .withAllowedOn(Map.of("public.orders", Set.of(HazardCode.DATA_LOSS)));

        SafetyPolicy withFiles = embedder.withAllowedOn(Map.of(
                "public.orders", Set.of(HazardCode.BACKWARD_INCOMPATIBLE),
                "public.items", Set.of(HazardCode.DATA_LOSS)));

        assertEquals(Set.of(HazardCode.DATA_LOSS, HazardCode.BACKWARD_INCOMPATIBLE),
                withFiles.allowedOn().get("public.orders"));
        assertEquals(Set.of(HazardCode.DATA_LOSS), withFiles.allowedOn().get("public.items"));
    }

    @Test
    void noAnnotationsLeaveThePolicyAsItWas() {
        SafetyPolicy embedder = SafetyPolicy.DEFAULT
                .withAllowedOn(Map.of("public.orders", Set.of(HazardCode.DATA_LOSS)));

        assertEquals(embedder, embedder.withAllowedOn(Map.of()));
    }
}
