package dev.hybridgateway.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hybridgateway.core.v1.SearchRequest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PayloadsTest {
  private final SearchRequest request =
      ((Workload.Search) Workload.of(Scenario.SEARCH_SMALL, "demo", 1)).request(0);

  @Test
  void grpcFrame_uncompressedFlagLengthThenMessage() throws Exception {
    byte[] frame = Payloads.grpcFrame(request);
    ByteBuffer buffer = ByteBuffer.wrap(frame);

    assertThat(buffer.get()).isZero();
    assertThat(buffer.getInt()).isEqualTo(frame.length - 5);
    assertThat(SearchRequest.parseFrom(Arrays.copyOfRange(frame, 5, frame.length)))
        .isEqualTo(request);
  }

  @Test
  void json_floatsRoundTripBitForBit() {
    JsonObject json = JsonParser.parseString(Payloads.json(request)).getAsJsonObject();

    assertThat(json.get("collection").getAsString()).isEqualTo("demo");
    assertThat(json.get("k").getAsInt()).isEqualTo(10);
    var values = json.getAsJsonArray("queries").get(0).getAsJsonObject().getAsJsonArray("values");
    assertThat(values).hasSize(384);
    for (int i = 0; i < values.size(); i++) {
      assertThat(Float.floatToIntBits(values.get(i).getAsFloat()))
          .isEqualTo(Float.floatToIntBits(request.getQueries(0).getValues(i)));
    }
  }
}
