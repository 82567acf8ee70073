package org.shangliang.member;

import org.shangliang.room.AttendeeKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The kinds a member of the council can be (八方议事), with the Chinese names staff write in a
 * table. They are the invited kinds of {@link AttendeeKind}; a walk-in resident is no member kind.
 */
public final class MemberKinds {
  /** In the order pages and tables list them. */
  public static final List<AttendeeKind> ALL = List.of(AttendeeKind.CONVENER, AttendeeKind.GRID_WORKER,
      AttendeeKind.PROPERTY, AttendeeKind.OWNERS_COMMITTEE, AttendeeKind.CPPCC, AttendeeKind.GRID_POLICE,
      AttendeeKind.LEGAL, AttendeeKind.RESIDENT_REP, AttendeeKind.SOCIAL_ORG);
  /** Between kinds in one cell: 、 as written; a comma, semicolon, slash or space is read too. */
  public static final String SEPARATOR = "、";
  private static final Pattern SEPARATORS = Pattern.compile("[、，,；;/／\\s]+");

  private static final Map<AttendeeKind, String> LABELS = new EnumMap<>(Map.of(
      AttendeeKind.CONVENER, "召集人",
      AttendeeKind.GRID_WORKER, "网格员",
      AttendeeKind.PROPERTY, "物业公司代表",
      AttendeeKind.OWNERS_COMMITTEE, "业主委员会成员",
      AttendeeKind.CPPCC, "市区政协委员",
      AttendeeKind.GRID_POLICE, "网格警长",
      AttendeeKind.LEGAL, "法律工作者",
      AttendeeKind.RESIDENT_REP, "群众代表",
      AttendeeKind.SOCIAL_ORG, "社会组织代表"));
  private static final Map<String, AttendeeKind> BY_LABEL = new LinkedHashMap<>();

  static {
    LABELS.forEach((kind, label) -> BY_LABEL.put(label, kind));
  }

  private MemberKinds() {
  }

  public static String label(AttendeeKind kind) {
    return LABELS.get(kind);
  }

  /** The kind a table names by its Chinese name (or its code, e.g. LEGAL); null when it is no member kind. */
  public static AttendeeKind parse(String text) {
    String word = text.trim();
    AttendeeKind kind = BY_LABEL.get(word);
    if (kind != null) {
      return kind;
    }
    for (AttendeeKind k : ALL) {
      if (k.name().equals(word.toUpperCase(Locale.ROOT))) {
        return k;
      }
    }
    return null;
  }

  /** The words of one cell, split at its separators, blanks dropped. */
  public static List<String> words(String cell) {
    List<String> words = new ArrayList<>();
    for (String w : SEPARATORS.split(cell.trim())) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /** Kinds as one cell: their Chinese names in the listed order, joined by 、. */
  public static String cell(List<String> kindNames) {
    List<String> labels = new ArrayList<>();
    for (AttendeeKind k : ALL) {
      if (kindNames.contains(k.name())) {
        labels.add(LABELS.get(k));
      }
    }
    return String.join(SEPARATOR, labels);
  }
}
