package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.v1.CollectionServiceGrpc;
import dev.hybridgateway.gateway.v1.ListCollectionsRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server's metadata limit ({@link GatewayServerBuilder#MAX_METADATA_BYTES}) is enforced. */
class GatewayHardeningTest {
  private static final Metadata.Key<String> FILLER =
      Metadata.Key.of("x-filler", Metadata.ASCII_STRING_MARSHALLER);

  private static JavaCoreClient core;
  private static GatewayServer gateway;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() throws Exception {
    core = JavaCoreClient.builder().build();
    gateway =
        GatewayServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .core(core)
            .unauthenticated()
            .start();
    gateway.markServing();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
  }

  @AfterAll
  static void stop() {
    channel.shutdownNow();
    gateway.close();
    core.close();
  }

  private static void listWithFiller(int bytes) {
    Metadata headers = new Metadata();
    headers.put(FILLER, "a".repeat(bytes));
    CollectionServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
        .withDeadlineAfter(5, TimeUnit.SECONDS)
        .listCollections(ListCollectionsRequest.getDefaultInstance());
  }

  @Test
  void metadataUnderTheLimit_isServed() {
    listWithFiller(GatewayServerBuilder.MAX_METADATA_BYTES / 2);
  }

  @Test
  void metadataOverTheLimit_isRefused() {
    StatusRuntimeException refused =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> listWithFiller(GatewayServerBuilder.MAX_METADATA_BYTES + 1024));

    // The server advertises the limit in its HTTP/2 SETTINGS (MAX_HEADER_LIST_SIZE); grpc-java
    // clients then refuse the call themselves, other clients get the stream reset.
    assertThat(refused).isNotNull();
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(refused.getStatus().getCause())
        .hasMessageContaining(String.valueOf(GatewayServerBuilder.MAX_METADATA_BYTES));
    // The next call on the same channel is served: the refusal is per call.
    listWithFiller(16);
  }
}
