package io.vigil.server.console.incidents;

import io.vigil.model.alert.Entity;
import io.vigil.model.incident.EntityKey;
import io.vigil.store.alerts.StoredAlert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The incident's picture for an SVG: its accounts on the left, the hosts and addresses on the right,
 * and a line wherever an alert names both. Coordinates are computed here so the template only
 * prints numbers and escaped labels.
 *
 * @param hiddenAccounts accounts left out beyond {@link #MAX_PER_SIDE}
 * @param hiddenTargets  hosts and addresses left out beyond {@link #MAX_PER_SIDE}
 */
public record EntityGraph(int width, int height, List<Node> nodes, List<Edge> edges, int hiddenAccounts, int hiddenTargets) {

    static final int MAX_PER_SIDE = 12;
    private static final int WIDTH = 640;
    private static final int BOX_WIDTH = 230;
    private static final int BOX_HEIGHT = 24;
    private static final int ROW = 30;
    private static final int PAD = 8;
    private static final int RIGHT_X = WIDTH - BOX_WIDTH - PAD;
    private static final int MAX_LABEL = 32;

    /**
     * @param kind account, host or ip
     * @param href the identity page of an account, else null
     */
    public record Node(String key, String label, String kind, int x, int y, String href) {

        public int width() {
            return BOX_WIDTH;
        }

        public int height() {
            return BOX_HEIGHT;
        }

        public int textX() {
            return x + 9;
        }

        public int textY() {
            return y + 16;
        }
    }

    /** @param path an SVG path from the account's box to the host's */
    public record Edge(String path) {
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** @param identityLink the identity page of an account entity */
    static EntityGraph of(List<StoredAlert> alerts, Function<Entity.AccountEntity, String> identityLink) {
        Map<String, Entity> accounts = new LinkedHashMap<>();
        Map<String, Entity> targets = new LinkedHashMap<>();
        Set<List<String>> links = new LinkedHashSet<>();
        for (StoredAlert stored : alerts) {
            List<String> named = new ArrayList<>();
            List<String> touched = new ArrayList<>();
            for (Entity entity : stored.alert().entities()) {
                String key = EntityKey.of(entity);
                if (entity instanceof Entity.AccountEntity) {
                    accounts.putIfAbsent(key, entity);
                    named.add(key);
                } else {
                    targets.putIfAbsent(key, entity);
                    touched.add(key);
                }
            }
            named.forEach(a -> touched.forEach(t -> links.add(List.of(a, t))));
        }
        Map<String, Node> placed = new LinkedHashMap<>();
        place(accounts, PAD, identityLink, placed);
        place(targets, RIGHT_X, identityLink, placed);
        List<Edge> edges = links.stream()
                .filter(l -> placed.containsKey(l.get(0)) && placed.containsKey(l.get(1)))
                .map(l -> edge(placed.get(l.get(0)), placed.get(l.get(1))))
                .toList();
        int rows = Math.max(1, Math.max(Math.min(accounts.size(), MAX_PER_SIDE), Math.min(targets.size(), MAX_PER_SIDE)));
        return new EntityGraph(WIDTH, rows * ROW + PAD, List.copyOf(placed.values()), edges,
                Math.max(0, accounts.size() - MAX_PER_SIDE), Math.max(0, targets.size() - MAX_PER_SIDE));
    }

    private static void place(Map<String, Entity> entities, int x, Function<Entity.AccountEntity, String> identityLink,
            Map<String, Node> placed) {
        int row = 0;
        for (Map.Entry<String, Entity> e : entities.entrySet()) {
            if (row == MAX_PER_SIDE) {
                return;
            }
            Entity entity = e.getValue();
            String href = entity instanceof Entity.AccountEntity account ? identityLink.apply(account) : null;
            placed.put(e.getKey(), new Node(e.getKey(), shorten(entity.label()), entity.type(), x,
                    PAD + row * ROW, href));
            row++;
        }
    }

    private static Edge edge(Node account, Node target) {
        int x1 = account.x() + BOX_WIDTH;
        int y1 = account.y() + BOX_HEIGHT / 2;
        int x2 = target.x();
        int y2 = target.y() + BOX_HEIGHT / 2;
        int middle = (x1 + x2) / 2;
        return new Edge("M" + x1 + "," + y1 + " C" + middle + "," + y1 + " " + middle + "," + y2 + " " + x2 + "," + y2);
    }

    private static String shorten(String label) {
        String text = label == null ? "" : label;
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
    }
}
