package io.reach.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small databases in the MaxMind DB format (an IPv6 binary search tree with 24-bit
 * records, a data section and a metadata map, as the format's published specification lays
 * out), so tests exercise the real GeoIP2 reader without shipping a binary file.
 */
public final class GeoDatabases {

    private static final byte[] METADATA_MARKER = {
        (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'
    };

    private GeoDatabases() {}

    /** A GeoIP2-City-shaped record: country, one subdivision, city and location. */
    public static Map<String, Object> city(
            String countryCode,
            String countryName,
            String regionCode,
            String regionName,
            String city,
            double latitude,
            double longitude,
            String timeZone) {
        return Map.of(
                "country",
                Map.of("iso_code", countryCode, "geoname_id", 1L, "names", Map.of("en", countryName)),
                "subdivisions",
                List.of(Map.of("iso_code", regionCode, "names", Map.of("en", regionName))),
                "city",
                Map.of("geoname_id", 2L, "names", Map.of("en", city)),
                "location",
                Map.of("latitude", latitude, "longitude", longitude, "time_zone", timeZone));
    }

    /** Writes (atomically replacing) a database that maps each network ("a.b.c.d/n" or IPv6) to its record. */
    public static Path write(Path file, String databaseType, Map<String, Map<String, Object>> networks) {
        Node root = new Node();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (var network : networks.entrySet()) {
            int offset = data.size();
            encode(data, network.getValue());
            insert(root, network.getKey(), offset);
        }
        List<Node> nodes = number(root);
        IdentityHashMap<Node, Integer> indexes = new IdentityHashMap<>();
        nodes.forEach(node -> indexes.put(node, indexes.size()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node node : nodes) {
            writeRecord(out, node.left, indexes);
            writeRecord(out, node.right, indexes);
        }
        out.writeBytes(new byte[16]);
        out.writeBytes(data.toByteArray());
        out.writeBytes(METADATA_MARKER);
        encode(
                out,
                Map.of(
                        "node_count",
                        (long) nodes.size(),
                        "record_size",
                        24,
                        "ip_version",
                        6,
                        "database_type",
                        databaseType,
                        "languages",
                        List.of("en"),
                        "binary_format_major_version",
                        2,
                        "binary_format_minor_version",
                        0,
                        "build_epoch",
                        BigInteger.valueOf(System.currentTimeMillis() / 1000),
                        "description",
                        Map.of("en", "Reach test database")));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path staged = Files.createTempFile(file.toAbsolutePath().getParent(), "geo", ".mmdb");
            Files.write(staged, out.toByteArray());
            return Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Node {
        Object left;
        Object right;
    }

    private static void insert(Node root, String cidr, int dataOffset) {
        String[] parts = cidr.split("/");
        byte[] address;
        try {
            address = InetAddress.getByName(parts[0]).getAddress();
        } catch (IOException e) {
            throw new IllegalArgumentException(cidr, e);
        }
        int prefix = Integer.parseInt(parts[1]);
        byte[] v6 = new byte[16];
        System.arraycopy(address, 0, v6, 16 - address.length, address.length);
        int bits = address.length == 4 ? 96 + prefix : prefix;
        Node node = root;
        for (int i = 0; i < bits; i++) {
            boolean one = (v6[i / 8] >> (7 - i % 8) & 1) == 1;
            if (i == bits - 1) {
                if (one) {
                    node.right = dataOffset;
                } else {
                    node.left = dataOffset;
                }
                return;
            }
            Object child = one ? node.right : node.left;
            if (!(child instanceof Node)) {
                child = new Node();
                if (one) {
                    node.right = child;
                } else {
                    node.left = child;
                }
            }
            node = (Node) child;
        }
    }

    private static List<Node> number(Node root) {
        List<Node> ordered = new java.util.ArrayList<>();
        ArrayDeque<Node> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            ordered.add(node);
            for (Object child : new Object[] {node.left, node.right}) {
                if (child instanceof Node next) {
                    queue.add(next);
                }
            }
        }
        return ordered;
    }

    /** A record: a node's index, a data offset past the node count and the 16-byte separator, or "no data". */
    private static void writeRecord(ByteArrayOutputStream out, Object child, IdentityHashMap<Node, Integer> indexes) {
        long value;
        if (child instanceof Node node) {
            value = indexes.get(node);
        } else if (child instanceof Integer offset) {
            value = indexes.size() + 16L + offset;
        } else {
            value = indexes.size();
        }
        out.write((int) (value >> 16) & 0xFF);
        out.write((int) (value >> 8) & 0xFF);
        out.write((int) value & 0xFF);
    }

    private static void encode(ByteArrayOutputStream out, Object value) {
        switch (value) {
            case String text -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                control(out, 2, bytes.length);
                out.writeBytes(bytes);
            }
            case Double number -> {
                control(out, 3, 8);
                out.writeBytes(ByteBuffer.allocate(8).putDouble(number).array());
            }
            case Integer number -> unsigned(out, 5, BigInteger.valueOf(number));
            case Long number -> unsigned(out, 6, BigInteger.valueOf(number));
            case BigInteger number -> unsigned(out, 9, number);
            case Map<?, ?> map -> {
                control(out, 7, map.size());
                map.forEach((key, entry) -> {
                    encode(out, key);
                    encode(out, entry);
                });
            }
            case List<?> list -> {
                control(out, 11, list.size());
                list.forEach(entry -> encode(out, entry));
            }
            default -> throw new IllegalArgumentException("Cannot encode " + value.getClass());
        }
    }

    private static void unsigned(ByteArrayOutputStream out, int type, BigInteger number) {
        byte[] bytes = number.signum() == 0 ? new byte[0] : number.toByteArray();
        int skip = bytes.length > 0 && bytes[0] == 0 ? 1 : 0;
        control(out, type, bytes.length - skip);
        out.write(bytes, skip, bytes.length - skip);
    }

    private static void control(ByteArrayOutputStream out, int type, int size) {
        int sizeBits = size < 29 ? size : size < 285 ? 29 : size < 65_821 ? 30 : 31;
        out.write((type <= 7 ? type << 5 : 0) | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        if (sizeBits == 29) {
            out.write(size - 29);
        } else if (sizeBits == 30) {
            out.write((size - 285) >> 8);
            out.write((size - 285) & 0xFF);
        } else if (sizeBits == 31) {
            int rest = size - 65_821;
            out.write(rest >> 16);
            out.write((rest >> 8) & 0xFF);
            out.write(rest & 0xFF);
        }
    }
}
