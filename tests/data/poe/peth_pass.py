#!/usr/bin/env python3
"""net-snmp pass_persist helper: a writable POWER-ETHERNET-MIB (RFC 3621) PSE for tests.

Serves group 1, ports 1..N of pethPsePortTable (.1.3.6.1.2.1.105.1.1), pethMainPseTable
(.1.3.6.1.2.1.105.1.3), Cisco cpeExtPsePortPwrConsumption (.1.3.6.1.4.1.9.9.402.1.2.1.9, mW) and a
small BRIDGE-MIB forwarding table (.1.3.6.1.2.1.17) so MAC learning can be tested.

State lives in the JSON file named by $PETH_STATE (each pass_persist line runs its own process,
and the test edits the file to inject faults). Keys:
  ports: number of ports (default 8)      admin: {"<port>": 1|2}
  pds: ports with a powered device        stuck: ports whose power does not really drop when off
  fdb: {"aa:bb:cc:dd:ee:ff": bridge_port} readonly: true -> every SET answers not-writable
"""
import json
import os
import sys

STATE = os.environ.get("PETH_STATE", "/tmp/peth_state.json")
PETH = (1, 3, 6, 1, 2, 1, 105)
CISCO = (1, 3, 6, 1, 4, 1, 9, 9, 402, 1, 2, 1)
BRIDGE = (1, 3, 6, 1, 2, 1, 17)
ROOTS = (PETH, CISCO, BRIDGE)


def load():
    try:
        with open(STATE) as f:
            s = json.load(f)
    except (OSError, ValueError):
        s = {}
    s.setdefault("ports", 8)
    s.setdefault("admin", {})
    s.setdefault("pds", list(range(1, 7)))
    s.setdefault("stuck", [])
    s.setdefault("fdb", {})
    return s


def save(s):
    tmp = STATE + ".tmp"
    with open(tmp, "w") as f:
        json.dump(s, f)
    os.replace(tmp, STATE)


def admin(s, p):
    return int(s["admin"].get(str(p), 1))


def delivering(s, p):
    return p in s["pds"] and (admin(s, p) == 1 or p in s["stuck"])


def draw_mw(s, p):
    # A Raspberry Pi 4 idling to busy: 4.2 .. 5.4 W, deterministic per port.
    return 4200 + (p * 337) % 1200 if delivering(s, p) else 0


def table(s):
    """All served objects: {oid tuple: (type, value)}."""
    t = {}
    g = 1
    n = int(s["ports"])
    for p in range(1, n + 1):
        e = PETH + (1, 1, 1)
        det = 3 if delivering(s, p) else (2 if admin(s, p) == 1 else 1)
        t[e + (3, g, p)] = ("integer", admin(s, p))
        t[e + (4, g, p)] = ("integer", 1)
        t[e + (5, g, p)] = ("integer", 1)
        t[e + (6, g, p)] = ("integer", det)
        t[e + (7, g, p)] = ("integer", 3)
        t[e + (10, g, p)] = ("integer", 5 if det == 3 else 1)  # class4 while delivering
        t[CISCO + (9, g, p)] = ("gauge", draw_mw(s, p))
    total_w = sum(draw_mw(s, p) for p in range(1, n + 1)) // 1000
    m = PETH + (1, 3, 1, 1)  # pethMainPseEntry
    t[m + (2, g)] = ("gauge", 120)
    t[m + (3, g)] = ("integer", 1)
    t[m + (4, g)] = ("gauge", total_w)
    t[m + (5, g)] = ("integer", 90)
    for mac, port in s["fdb"].items():
        b = tuple(int(x, 16) for x in mac.split(":"))
        t[BRIDGE + (4, 3, 1, 1) + b] = ("string", mac)     # dot1dTpFdbAddress (served as text)
        t[BRIDGE + (4, 3, 1, 2) + b] = ("integer", int(port))
        t[BRIDGE + (4, 3, 1, 3) + b] = ("integer", 3)      # learned
    for p in range(1, n + 1):
        t[BRIDGE + (1, 4, 1, 2, p)] = ("integer", p)       # dot1dBasePortIfIndex
    return t


def parse(text):
    text = text.strip().lstrip(".")
    if not text:
        return ()
    return tuple(int(x) for x in text.split("."))


def fmt(oid):
    return "." + ".".join(str(x) for x in oid)


def root_of(oid):
    for r in ROOTS:
        if oid[: len(r)] == r:
            return r
    return None


def answer(oid, entry):
    out = sys.stdout
    out.write(fmt(oid) + "\n" + entry[0] + "\n" + str(entry[1]) + "\n")


def do_get(oid):
    t = table(load())
    if oid in t:
        answer(oid, t[oid])
    else:
        sys.stdout.write("NONE\n")


def do_getnext(oid):
    t = table(load())
    r = root_of(oid) or next((x for x in ROOTS if x > oid), None)
    for k in sorted(t):
        if k > oid and (r is None or k[: len(r)] == r):
            answer(k, t[k])
            return
    sys.stdout.write("NONE\n")


def do_set(oid, typed):
    s = load()
    if s.get("readonly"):
        return "not-writable"
    e = PETH + (1, 1, 1, 3, 1)
    if oid[: len(e)] != e or len(oid) != len(e) + 1:
        return "not-writable"
    port = oid[-1]
    if port < 1 or port > int(s["ports"]):
        return "no-creation"
    parts = typed.split()
    if len(parts) != 2 or parts[0] != "integer":
        return "wrong-type"
    try:
        v = int(parts[1])
    except ValueError:
        return "wrong-type"
    if v not in (1, 2):
        return "wrong-value"
    s["admin"][str(port)] = v
    save(s)
    return "DONE"


def main():
    read = sys.stdin.readline
    while True:
        line = read()
        if not line:
            return  # EOF: snmpd went away
        cmd = line.strip()
        if not cmd:
            continue  # snmpd 5.9.3 sends an extra blank line after every set
        if cmd == "PING":
            sys.stdout.write("PONG\n")
        elif cmd == "get":
            do_get(parse(read()))
        elif cmd == "getnext":
            do_getnext(parse(read()))
        elif cmd == "set":
            oid = parse(read())
            typed = read().strip()
            sys.stdout.write(do_set(oid, typed) + "\n")
        else:
            sys.stdout.write("NONE\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
