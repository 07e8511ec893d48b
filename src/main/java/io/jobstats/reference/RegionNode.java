package io.jobstats.reference;

import java.util.ArrayList;
import java.util.List;

/** A node of the region tree while it is built and held in memory; the database row is {@link Region}. */
public final class RegionNode {

    public enum Kind { COUNTRY, NATION, AREA, SUBREGION, AUTHORITY, DISTRICT, TOWN, VILLAGE }

    public int id;
    public final String name;
    public final Kind kind;
    public final RegionNode parent;
    public final List<RegionNode> children = new ArrayList<>();
    public String slug;
    public int depth;
    public int lft;
    public int rgt;

    RegionNode(String name, Kind kind, RegionNode parent) {
        this.name = name;
        this.kind = kind;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
            depth = parent.depth + 1;
        }
    }

    public boolean contains(RegionNode other) {
        return lft <= other.lft && other.lft <= rgt;
    }

    @Override
    public String toString() {
        return parent == null ? name : parent + " > " + name;
    }
}
