// What Kafka's own Admin client says about the cluster, to check kload's target resolution against:
// the active KRaft controller (DescribeQuorum) and each group's coordinator (FindCoordinator, via
// DescribeGroups). Each group is first given a committed offset on <topic>/0, so it exists.
// Run with the broker's classpath: java -cp '<libs>/*' ClusterFacts.java <bootstrap> <topic> <group>...
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

public class ClusterFacts {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", args[0]);
    TopicPartition partition = new TopicPartition(args[1], 0);
    try (Admin admin = Admin.create(props)) {
      System.out.println("controller " + admin.describeMetadataQuorum().quorumInfo().get().leaderId());
      for (String group : Arrays.copyOfRange(args, 2, args.length)) {
        admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(0))).all().get();
        int id = admin.describeConsumerGroups(Arrays.asList(group)).describedGroups().get(group).get().coordinator().id();
        System.out.println("coordinator " + group + " " + id);
      }
    }
  }
}
