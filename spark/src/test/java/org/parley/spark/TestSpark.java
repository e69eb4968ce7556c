package org.parley.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] session for every test class of the module (Spark start-up costs seconds). */
final class TestSpark {

    private static SparkSession spark;

    private TestSpark() {
    }

    static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("parley-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }
}
