#!/bin/bash
# Runs the DMTF Redfish Service, Interop (OpenStack Ironic profile) and Protocol validators
# against a temporary lab (redfishtestlab: 127.0.0.1, ephemeral port, TLS with a generated CA).
#
# usage: run-validators.sh <redfishtestlab binary> <checkouts dir> <shared dir> <out dir> [service|interop|protocol ...]
# <checkouts dir> holds git checkouts of DMTF/Redfish-Service-Validator, DMTF/Redfish-Interop-Validator,
# DMTF/Redfish-Protocol-Validator, DMTF/python-redfish-library, DMTF/Redfish-Tacklebox and
# mpetazzoni/sseclient (see docs/redfish.md). Exit 77 (skip) if they are missing.
set -u
LAB=$1 CHECKOUTS=$2 SHARED=$3 OUT=$4
shift 4
WHICH=${*:-service interop protocol}
PY=/usr/bin/python3          # Debian's python with python3-requests etc., not a pyenv one
for d in Redfish-Service-Validator Redfish-Interop-Validator Redfish-Protocol-Validator python-redfish-library Redfish-Tacklebox sseclient; do
    if [ ! -d "$CHECKOUTS/$d" ]; then echo "SKIP: $CHECKOUTS/$d missing (see docs/redfish.md)"; exit 77; fi
done
$PY -c 'import requests, colorama, openpyxl, jsonpatch, lxml, bs4, pyasn1' 2>/dev/null || { echo "SKIP: python3 packages missing (scripts/deps-test.txt)"; exit 77; }
mkdir -p "$OUT/shims"
echo 'from enum import Enum, auto' > "$OUT/shims/aenum.py"   # the Protocol Validator only needs these two
WORK=$(mktemp -d)
"$LAB" "$WORK/lab" 8 > "$WORK/ready" 2> "$OUT/lab.log" &
LABPID=$!
trap 'kill $LABPID 2>/dev/null; wait $LABPID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do grep -q READY "$WORK/ready" 2>/dev/null && break; sleep 0.2; done
read -r _ PORT PWFILE CA _ < "$WORK/ready" || { echo "lab did not start"; cat "$OUT/lab.log"; exit 1; }
PASSWORD=$(sed -n 's/^password: //p' "$PWFILE")
URL=https://127.0.0.1:$PORT
# requests prefers these environment variables over the CA bundle a tool sets on its session.
unset REQUESTS_CA_BUNDLE CURL_CA_BUNDLE
rc=0
for v in $WHICH; do
    case $v in
    service)
        PYTHONPATH=$CHECKOUTS/python-redfish-library/src:$CHECKOUTS/Redfish-Tacklebox:$CHECKOUTS/Redfish-Service-Validator \
            timeout 900 $PY "$CHECKOUTS/Redfish-Service-Validator/RedfishServiceValidator.py" -r "$URL" -u admin -p "$PASSWORD" \
            --authtype Session --schema_directory "$SHARED/redfish/csdl" --skipschema --logdir "$OUT/service" > "$OUT/service.log" 2>&1
        r=$?; echo "Service Validator: exit $r"; grep -A3 "PASS.*WARN.*FAIL" "$OUT/service.log" | tail -2 ;;
    interop)
        PYTHONPATH=$CHECKOUTS/Redfish-Interop-Validator timeout 900 $PY "$CHECKOUTS/Redfish-Interop-Validator/RedfishInteropValidator.py" \
            -r "$URL" -u admin -p "$PASSWORD" --authtype Basic --no_online_profiles --logdir "$OUT/interop" \
            "$SHARED/redfish/OpenStackIronicProfile.v1_2_0.json" > "$OUT/interop.log" 2>&1
        r=$?; echo "Interop Validator (Ironic profile): exit $r"; grep -E "^\| (Pass|Fail|Warning|Not Tested)" "$OUT/interop.log" ;;
    protocol)
        PYTHONPATH=$OUT/shims:$CHECKOUTS/sseclient:$CHECKOUTS/Redfish-Protocol-Validator timeout 900 $PY \
            "$CHECKOUTS/Redfish-Protocol-Validator/rf_protocol_validator.py" -r "$URL" -u admin -p "$PASSWORD" \
            --ca-bundle "$CA" --report-dir "$OUT/protocol" > "$OUT/protocol.log" 2>&1
        r=$?; echo "Protocol Validator: exit $r"; grep -iE "pass|fail|warn|not.tested" "$OUT/protocol.log" | tail -4 ;;
    *) echo "unknown validator $v"; r=2 ;;
    esac
    [ $r -ne 0 ] && rc=1
done
exit $rc
