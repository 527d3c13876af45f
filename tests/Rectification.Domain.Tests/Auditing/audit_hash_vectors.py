#!/usr/bin/env python3
"""Known answers for AuditChainHashTests, computed with Python's hashlib and struct, not with the product's code.

Run: python3 tests/Rectification.Domain.Tests/Auditing/audit_hash_vectors.py
The canonical form is the one AuditChainHash documents (and tests/Rectification.Integration.Tests/Support/audit-chain-vectors.txt
computes with coreutils): the version tag, then Sequence, PreviousHash, At (ticks), UserId (optional GUID), UserName, Role,
Command, EntityType, EntityId, Trigger, FromState, ToState, Before, After, Payload. int64 big-endian; a string is its UTF-8
length as a big-endian int32 (-1 for null) and its bytes; a GUID its 16 bytes in text order; an optional GUID 01+GUID or 00+16 zeros.
This script reproduces that file's vector 1 (5e4ddb8c…) as a check of itself.
"""
import datetime
import hashlib
import struct
import uuid


def s(v):
    if v is None:
        return struct.pack('>i', -1)
    b = v.encode('utf-8')
    return struct.pack('>i', len(b)) + b


def i64(v):
    return struct.pack('>q', v)


def g(v):
    return uuid.UUID(v).bytes


def og(v):
    return b'\x01' + g(v) if v else b'\x00' + bytes(16)


def ticks(iso, extra):
    """.NET ticks: 100 ns since 0001-01-01T00:00:00 UTC; 62135596800 s separate it from the Unix epoch."""
    d = datetime.datetime.fromisoformat(iso).replace(tzinfo=datetime.timezone.utc)
    return (int(d.timestamp()) + 62135596800) * 10_000_000 + extra


def h(seq, prev, at, user, name, role, cmd, etype, eid, trig, frm, to, before, after, payload):
    data = (s('rectification.audit-entry.v1') + i64(seq) + s(prev) + i64(at) + og(user) + s(name) + s(role) + s(cmd) + s(etype)
            + g(eid) + s(trig) + s(frm) + s(to) + s(before) + s(after) + s(payload))
    return hashlib.sha256(data).hexdigest(), len(data)


G = '0' * 64
CASE = 'b7e1c0de-1111-4222-8333-444455556666'
USER = 'a1b2c3d4-0000-4000-8000-000000000001'

check = h(1, G, ticks('2026-03-02T09:15:30', 1234560), '0f8fad5b-d9cb-469f-a165-70867728950e', 'office', 'InspectionOffice',
          'RegisterProblem', 'Problem', '7c9e6679-7425-40de-944b-e07fc1f90ae7', None, None, 'Registered', '',
          '{"State":"Registered","Title":"落实全面从严治党主体责任不到位"}',
          '{"inspectionId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","severity":"General"}')
assert check[0] == '5e4ddb8ca9b372c8f7f0ecc5081f596c45d4367f7d69e16f24c0f0f4699c664a', check

a = h(1, G, ticks('2026-12-01T08:30:00', 1234560), USER, 'liaison.li', 'UnitLiaison', 'SubmitPlan', 'Plan', CASE,
      'Submit', 'Drafting', 'Submitted', '{"State":"Drafting"}', '{"State":"Submitted"}', '{"note":"整改方案第一稿"}')
print('A (all fields set)', a, 'ticks', ticks('2026-12-01T08:30:00', 1234560))
b = h(2, a[0], ticks('2026-12-01T08:31:00', 0), None, 'system', 'System', 'FeedBackInspection', 'Problem', CASE,
      None, None, None, '', '', '{}')
print('B (no user, null trigger and states)', b)
c = h(3, b[0], ticks('2026-12-01T08:32:00', 0), None, 'system', 'System', 'FeedBackInspection', 'Problem', CASE,
      '', '', '', '', '', '{}')
print('C (as B, empty instead of null)', c)
d = h(4, c[0], ticks('2026-12-01T08:33:00', 0), USER, 'office.wang', 'InspectionOffice', 'RegisterProblem', 'Problem', CASE,
      None, None, 'Registered', '', '整' * 1000, '{}')
print('D (3,250 bytes: After is 1,000 times 整)', d)
for total, seq in ((2049, 5), (2048, 6)):
    args = [seq, G, ticks('2026-12-01T09:00:00', 0), None, 'system', 'System', 'SendReminders', 'Problem', CASE, None, None, None, '', '']
    base = h(*args, '')[1]
    print(f'{total} bytes: Payload is {total - base} times x', h(*args, 'x' * (total - base)))
