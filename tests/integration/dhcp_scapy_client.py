#!/usr/bin/python3
"""DHCP/PXE test client for Metal Boot's integration tests.

Runs inside a network namespace created by the test (ip netns exec <ns> /usr/bin/python3 ...):
builds a DISCOVER byte for byte like a given firmware (Raspberry Pi 4 bootloader, OVMF/AAVMF,
iPXE, UEFI HTTP boot, a plain DHCP client), broadcasts it on --iface and prints every BOOTP reply
with the same xid as one JSON object per line: {"src", "sport", "dport", "hex"}.
With --pxe-request SERVER it instead sends a unicast PXE REQUEST from port 4011 to SERVER:4011
(ciaddr = the interface's address) and prints the answer.
"""
import argparse
import binascii
import json
import socket
import struct
import sys
import time

from scapy.all import BOOTP, DHCP, IP, UDP, AsyncSniffer, Ether, conf, get_if_addr, get_if_hwaddr, raw, sendp

PRL_PI = [1, 3, 43, 60, 66, 67, 128, 129, 130, 131, 132, 133, 134, 135]
PRL_UEFI = [1, 2, 3, 4, 5, 6, 12, 13, 15, 17, 18, 22, 23, 28, 40, 41, 42, 43, 50, 51, 54, 58, 59, 60, 66, 67, 97,
            128, 129, 130, 131, 132, 133, 134, 135]


def pi_guid(mac_bytes, serial, revision=0x00c03111):
    return b'\x00' + b'RPi4' + struct.pack('<I', revision) + mac_bytes[2:6] + struct.pack('<I', serial)


def build_options(kind, mac_bytes, msg_type='discover', serial=0x9ffefdef):
    uuid = b'\x00' + bytes(range(0x10, 0x20))
    if kind == 'pi4':
        return [('message-type', msg_type), ('param_req_list', PRL_PI),
                ('pxe_client_architecture', b'\x00\x00'), ('pxe_client_network_interface', b'\x01\x02\x01'),
                ('pxe_client_machine_identifier', pi_guid(mac_bytes, serial)),
                ('vendor_class_id', b'PXEClient:Arch:00000:UNDI:002001'), 'end']
    if kind in ('x64', 'arm64', 'bios', 'ipxe'):
        arch = {'x64': 7, 'arm64': 11, 'bios': 0, 'ipxe': 7}[kind]
        undi = b'003010' if kind == 'ipxe' else b'003000'
        opts = [('message-type', msg_type), ('max_dhcp_size', 1472), ('param_req_list', PRL_UEFI),
                ('pxe_client_architecture', struct.pack('>H', arch)),
                ('pxe_client_network_interface', b'\x01\x03\x00'),
                ('pxe_client_machine_identifier', uuid),
                ('vendor_class_id', b'PXEClient:Arch:%05d:UNDI:%s' % (arch, undi))]
        if kind == 'ipxe':
            opts += [('user_class', b'iPXE'), (175, b'\xb1\x05\x01\x1a\xf4\x10\x00\xeb\x03\x01\x00\x00')]
        return opts + ['end']
    if kind == 'http':
        return [('message-type', msg_type), ('param_req_list', PRL_UEFI),
                ('pxe_client_architecture', b'\x00\x10'), ('pxe_client_network_interface', b'\x01\x03\x00'),
                ('pxe_client_machine_identifier', uuid),
                ('vendor_class_id', b'HTTPClient:Arch:00016:UNDI:003000'), 'end']
    if kind == 'plain':
        return [('message-type', msg_type), ('param_req_list', [1, 3, 6, 15, 28, 42]), ('hostname', b'laptop'), 'end']
    raise SystemExit('unknown kind ' + kind)


def emit(src, sport, dport, payload):
    print(json.dumps({'src': src, 'sport': sport, 'dport': dport, 'hex': binascii.hexlify(payload).decode()}),
          flush=True)


def discover(args):
    conf.checkIPaddr = False
    conf.verb = 0
    mac = args.mac or get_if_hwaddr(args.iface)
    mac_bytes = binascii.unhexlify(mac.replace(':', ''))
    xid = args.xid
    flags = 0x8000 if args.broadcast or args.kind in ('x64', 'arm64', 'ipxe', 'http') else 0
    bootp = BOOTP(chaddr=mac_bytes + b'\0' * 10, xid=xid, flags=flags)
    pkt = Ether(src=mac, dst='ff:ff:ff:ff:ff:ff') / IP(src='0.0.0.0', dst='255.255.255.255') / \
        UDP(sport=68, dport=67) / bootp / DHCP(options=build_options(args.kind, mac_bytes, serial=args.serial))
    if args.print_request:
        print(json.dumps({'request': binascii.hexlify(raw(pkt[BOOTP])).decode()}), flush=True)
    seen = []

    def keep(p):
        return UDP in p and p[UDP].dport == 68 and BOOTP in p and p[BOOTP].op == 2 and p[BOOTP].xid == xid

    sniffer = AsyncSniffer(iface=args.iface, lfilter=keep, store=True)
    sniffer.start()
    time.sleep(0.3)
    sendp(pkt, iface=args.iface, verbose=0)
    deadline = time.time() + args.timeout
    while time.time() < deadline:
        time.sleep(0.05)
        if args.count and len(sniffer.results or []) >= args.count:
            break
    sniffer.stop()
    for p in sniffer.results or []:
        payload = raw(p[UDP].payload)
        key = (p[IP].src, payload)
        if key in seen:
            continue
        seen.append(key)
        emit(p[IP].src, p[UDP].sport, p[UDP].dport, payload)


def pxe_request(args):
    conf.verb = 0
    mac = args.mac or get_if_hwaddr(args.iface)
    mac_bytes = binascii.unhexlify(mac.replace(':', ''))
    ciaddr = get_if_addr(args.iface)
    bootp = BOOTP(chaddr=mac_bytes + b'\0' * 10, xid=args.xid, ciaddr=ciaddr)
    payload = raw(bootp / DHCP(options=build_options(args.kind, mac_bytes, msg_type='request', serial=args.serial)))
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((ciaddr, 4011))
    s.settimeout(args.timeout)
    s.sendto(payload, (args.pxe_request, args.pxe_port))
    try:
        data, (src, sport) = s.recvfrom(4096)
        emit(src, sport, 4011, data)
    except socket.timeout:
        pass


def relay(args):
    """Acts as a relay agent at --relay (an address of --iface): unicast DISCOVER with giaddr set."""
    conf.verb = 0
    mac = args.mac or get_if_hwaddr(args.iface)
    mac_bytes = binascii.unhexlify(mac.replace(':', ''))
    bootp = BOOTP(chaddr=mac_bytes + b'\0' * 10, xid=args.xid, giaddr=args.relay, hops=1)
    payload = raw(bootp / DHCP(options=build_options(args.kind, mac_bytes, serial=args.serial)))
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((args.relay, 67))
    s.settimeout(args.timeout)
    s.sendto(payload, (args.server, 67))
    try:
        data, (src, sport) = s.recvfrom(4096)
        emit(src, sport, 67, data)
    except socket.timeout:
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--iface', required=True)
    ap.add_argument('--kind', default='pi4')
    ap.add_argument('--mac')
    ap.add_argument('--xid', type=lambda s: int(s, 0), default=0x26f30339)
    ap.add_argument('--serial', type=lambda s: int(s, 0), default=0x9ffefdef)
    ap.add_argument('--timeout', type=float, default=3.0)
    ap.add_argument('--count', type=int, default=0, help='stop after this many replies')
    ap.add_argument('--broadcast', action='store_true')
    ap.add_argument('--print-request', action='store_true')
    ap.add_argument('--pxe-request', metavar='SERVER')
    ap.add_argument('--pxe-port', type=int, default=4011)
    ap.add_argument('--relay', metavar='GIADDR')
    ap.add_argument('--server', metavar='SERVER')
    args = ap.parse_args()
    if args.relay:
        relay(args)
    elif args.pxe_request:
        pxe_request(args)
    else:
        discover(args)
    return 0


if __name__ == '__main__':
    sys.exit(main())
