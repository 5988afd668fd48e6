#!/usr/bin/env python3
"""Writes a lab.yaml with N virtual Pi 4s (default 500) on a loopback-only lab, laid out 25 wide.

Usage: generate_lab.py <out.yaml> [count]
"""
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
lines = [
    "version: 1",
    f"name: Bench lab ({count} devices)",
    "services:",
    "  dhcp: {enabled: false}",
    "  tftp: {enabled: false}",
    "  http: {enabled: true, address: 127.0.0.1, port: 0}",
    "  redfish: {enabled: false}",
    "  consoles: {enabled: false}",
    "profiles:",
    "  default:",
    "    name: Default UEFI",
    "devices:",
]
for i in range(count):
    mac = f"dc:a6:32:{(i >> 16) & 0xff:02x}:{(i >> 8) & 0xff:02x}:{i & 0xff:02x}"
    serial = f"{0x6b1d0000 + i:08x}"
    lines.append(f'  "{mac}": {{name: pi-{i + 1:03d}, serial: "{serial}", model: pi4, '
                 f'position: {{x: {i % 25}, y: {i // 25}}}, profile: default, virtual: true}}')
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
