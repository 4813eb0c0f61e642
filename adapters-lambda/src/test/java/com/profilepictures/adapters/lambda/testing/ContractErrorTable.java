package com.profilepictures.adapters.lambda.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The error table of the project's contract, docs/API.md: each code and its status. */
public final class ContractErrorTable {

    public static final String CONTRACT = "docs/API.md";

    private ContractErrorTable() {}

    /** The contract of the checkout that holds the working directory (Maven runs tests in a module's folder). */
    public static Path contract() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(CONTRACT))) {
                return dir.resolve(CONTRACT);
            }
        }
        throw new IllegalStateException(
                "No " + CONTRACT + " here or above " + Path.of("").toAbsolutePath());
    }

    /** Rows `| 404 | `user_not_found` | when |`, some naming two codes: code → status. */
    public static Map<String, Integer> read(Path markdown) {
        Pattern row = Pattern.compile("^\\|\\s*(\\d{3})\\s*\\|([^|]*)\\|");
        Pattern code = Pattern.compile("`([a-z_]+)`");
        Map<String, Integer> statuses = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
                Matcher rowMatcher = row.matcher(line);
                if (rowMatcher.find()) {
                    Matcher codeMatcher = code.matcher(rowMatcher.group(2));
                    while (codeMatcher.find()) {
                        statuses.put(codeMatcher.group(1), Integer.parseInt(rowMatcher.group(1)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statuses;
    }
}
