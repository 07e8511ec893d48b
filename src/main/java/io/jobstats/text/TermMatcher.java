package io.jobstats.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every whole-term occurrence of many patterns in one pass over a text (Aho–Corasick over chars).
 * Case-insensitive patterns are matched against a lower-cased view; case-sensitive ones against the text as
 * written. A match counts only at term boundaries: no letter or digit just before it (so ".NET Core" is not found
 * in "ASP.NET Core"), and no letter, digit, '#' or '+' just after (so "C" is not found in "C#" or "C++", nor
 * "Java" in "JavaScript").
 */
public final class TermMatcher {

    private final Automaton insensitive;
    private final Automaton sensitive;

    private TermMatcher(Automaton insensitive, Automaton sensitive) {
        this.insensitive = insensitive;
        this.sensitive = sensitive;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Calls {@code sink} with the id of each pattern found, once per occurrence. */
    public void find(CharSequence text, IdSink sink) {
        sensitive.run(text, false, sink);
        insensitive.run(text, true, sink);
    }

    @FunctionalInterface
    public interface IdSink {
        void accept(int id, int start, int end);
    }

    public static final class Builder {
        private final List<String> ciPatterns = new ArrayList<>();
        private final List<Integer> ciIds = new ArrayList<>();
        private final List<String> csPatterns = new ArrayList<>();
        private final List<Integer> csIds = new ArrayList<>();

        public Builder add(String pattern, int id, boolean caseSensitive) {
            if (pattern.isEmpty()) {
                return this;
            }
            if (caseSensitive) {
                csPatterns.add(pattern);
                csIds.add(id);
            } else {
                ciPatterns.add(lower(pattern));
                ciIds.add(id);
            }
            return this;
        }

        public TermMatcher build() {
            return new TermMatcher(new Automaton(ciPatterns, ciIds), new Automaton(csPatterns, csIds));
        }
    }

    static String lower(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(Character.toLowerCase(s.charAt(i)));
        }
        return b.toString();
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** A flat goto/fail automaton: transitions in per-state sorted char arrays keep it compact and cache-friendly. */
    private static final class Automaton {
        private final char[][] keys;
        private final int[][] targets;
        private final int[] fail;
        /** Patterns ending at each state, following the output links. */
        private final int[][] outputs;
        private final int[] patternLength;
        private final int[] patternId;

        Automaton(List<String> patterns, List<Integer> ids) {
            int n = patterns.size();
            patternLength = new int[n];
            patternId = new int[n];
            List<Map<Character, Integer>> trie = new ArrayList<>();
            List<List<Integer>> out = new ArrayList<>();
            trie.add(new HashMap<>());
            out.add(new ArrayList<>());
            for (int p = 0; p < n; p++) {
                String s = patterns.get(p);
                patternLength[p] = s.length();
                patternId[p] = ids.get(p);
                int state = 0;
                for (int i = 0; i < s.length(); i++) {
                    Integer next = trie.get(state).get(s.charAt(i));
                    if (next == null) {
                        next = trie.size();
                        trie.get(state).put(s.charAt(i), next);
                        trie.add(new HashMap<>());
                        out.add(new ArrayList<>());
                    }
                    state = next;
                }
                out.get(state).add(p);
            }
            int states = trie.size();
            keys = new char[states][];
            targets = new int[states][];
            for (int s = 0; s < states; s++) {
                Map<Character, Integer> m = trie.get(s);
                char[] k = new char[m.size()];
                int i = 0;
                for (char c : m.keySet()) {
                    k[i++] = c;
                }
                Arrays.sort(k);
                int[] t = new int[k.length];
                for (i = 0; i < k.length; i++) {
                    t[i] = m.get(k[i]);
                }
                keys[s] = k;
                targets[s] = t;
            }
            fail = new int[states];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int t : targets[0]) {
                queue.add(t);
            }
            while (!queue.isEmpty()) {
                int s = queue.poll();
                for (int i = 0; i < keys[s].length; i++) {
                    char c = keys[s][i];
                    int t = targets[s][i];
                    int f = fail[s];
                    while (f != 0 && step(f, c) < 0) {
                        f = fail[f];
                    }
                    int g = step(f, c);
                    fail[t] = g >= 0 && g != t ? g : 0;
                    out.get(t).addAll(out.get(fail[t]));
                    queue.add(t);
                }
            }
            outputs = new int[states][];
            for (int s = 0; s < states; s++) {
                outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
            }
        }

        private int step(int state, char c) {
            int i = Arrays.binarySearch(keys[state], c);
            return i >= 0 ? targets[state][i] : -1;
        }

        void run(CharSequence text, boolean fold, IdSink sink) {
            if (patternLength.length == 0) {
                return;
            }
            int state = 0;
            int len = text.length();
            for (int i = 0; i < len; i++) {
                char c = fold ? Character.toLowerCase(text.charAt(i)) : text.charAt(i);
                int next;
                while ((next = step(state, c)) < 0 && state != 0) {
                    state = fail[state];
                }
                state = Math.max(next, 0);
                for (int p : outputs[state]) {
                    int start = i + 1 - patternLength[p];
                    if (start > 0 && (wordChar(text.charAt(start - 1))
                            || (text.charAt(start - 1) == '.' && start > 1 && wordChar(text.charAt(start - 2))))) {
                        // Inside a word, or a suffix such as the "js" of "Node.js".
                        continue;
                    }
                    if (i + 1 < len) {
                        char after = text.charAt(i + 1);
                        if (wordChar(after) || after == '#' || after == '+') {
                            continue;
                        }
                    }
                    sink.accept(patternId[p], start, i + 1);
                }
            }
        }
    }
}
