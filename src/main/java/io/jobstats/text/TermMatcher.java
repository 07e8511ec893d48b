package io.jobstats.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

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
        // One copy into an array: the scan then reads plain chars, not a CharSequence call per character.
        char[] chars = text.toString().toCharArray();
        sensitive.run(chars, false, sink);
        insensitive.run(chars, true, sink);
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

    /**
     * Aho–Corasick compiled to a full DFA: every (state, character) has its next state in one table, so the scan
     * does one array read per character and never walks failure links. Characters are first mapped to the small
     * alphabet the patterns use (class 0 for any other character, which can only lead back to the root).
     */
    private static final class Automaton {
        private final char[] classOf = new char[Character.MAX_VALUE + 1];
        /** classOf of each char's lower case: folding by table, as Character.toLowerCase per char was the load's top cost. */
        private final char[] foldedClassOf = new char[Character.MAX_VALUE + 1];
        private final int alphabet;
        /**
         * The DFA as jumps: entry (row of a state + character class) holds the next state's row (state x alphabet),
         * or -row - 1 when some pattern ends in that state, so the scan tests a sign instead of reading outputs.
         */
        private final int[] jump;
        /** Patterns ending at each state, following the output links. */
        private final int[][] outputs;
        private final int[] patternLength;
        private final int[] patternId;

        Automaton(List<String> patterns, List<Integer> ids) {
            int n = patterns.size();
            patternLength = new int[n];
            patternId = new int[n];
            int classes = 1;
            for (String s : patterns) {
                for (int i = 0; i < s.length(); i++) {
                    if (classOf[s.charAt(i)] == 0) {
                        classOf[s.charAt(i)] = (char) classes++;
                    }
                }
            }
            alphabet = classes;
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                foldedClassOf[c] = classOf[Character.toLowerCase((char) c)];
            }
            List<int[]> trie = new ArrayList<>();
            List<List<Integer>> out = new ArrayList<>();
            trie.add(new int[alphabet]);
            out.add(new ArrayList<>());
            for (int p = 0; p < n; p++) {
                String s = patterns.get(p);
                patternLength[p] = s.length();
                patternId[p] = ids.get(p);
                int state = 0;
                for (int i = 0; i < s.length(); i++) {
                    int c = classOf[s.charAt(i)];
                    if (trie.get(state)[c] == 0) {
                        trie.get(state)[c] = trie.size();
                        trie.add(new int[alphabet]);
                        out.add(new ArrayList<>());
                    }
                    state = trie.get(state)[c];
                }
                out.get(state).add(p);
            }
            int states = trie.size();
            int[] delta = new int[states * alphabet];
            int[] fail = new int[states];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int c = 1; c < alphabet; c++) {
                int t = trie.get(0)[c];
                delta[c] = t;
                if (t != 0) {
                    queue.add(t);
                }
            }
            // Breadth first, so a state's failure state is complete before the state itself is filled in.
            while (!queue.isEmpty()) {
                int s = queue.poll();
                out.get(s).addAll(out.get(fail[s]));
                for (int c = 1; c < alphabet; c++) {
                    int t = trie.get(s)[c];
                    if (t != 0) {
                        fail[t] = delta[fail[s] * alphabet + c];
                        delta[s * alphabet + c] = t;
                        queue.add(t);
                    } else {
                        delta[s * alphabet + c] = delta[fail[s] * alphabet + c];
                    }
                }
            }
            outputs = new int[states][];
            for (int s = 0; s < states; s++) {
                outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
            }
            jump = new int[delta.length];
            for (int i = 0; i < delta.length; i++) {
                int next = delta[i];
                jump[i] = outputs[next].length == 0 ? next * alphabet : -(next * alphabet) - 1;
            }
        }

        void run(char[] text, boolean fold, IdSink sink) {
            if (patternLength.length == 0) {
                return;
            }
            int row = 0;
            int len = text.length;
            char[] classes = fold ? foldedClassOf : classOf;
            for (int i = 0; i < len; i++) {
                int next = jump[row + classes[text[i]]];
                if (next >= 0) {
                    row = next;
                    continue;
                }
                row = -next - 1;
                for (int p : outputs[row / alphabet]) {
                    int start = i + 1 - patternLength[p];
                    if (start > 0 && (wordChar(text[start - 1])
                            || (text[start - 1] == '.' && start > 1 && wordChar(text[start - 2])))) {
                        // Inside a word, or a suffix such as the "js" of "Node.js".
                        continue;
                    }
                    if (i + 1 < len) {
                        char after = text[i + 1];
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
