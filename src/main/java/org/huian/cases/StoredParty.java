package org.huian.cases;

public record StoredParty(PartyRole role, PartyKind kind, String name, String phone) {}
