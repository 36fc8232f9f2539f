#!/usr/bin/env bash
# A throwaway Samba AD DC for Vigil's LDAP sync end-to-end test, on one loopback address only.
#
#   samba-lab.sh up   LAB_DIR [IP]   install (root + apt only, if missing), provision, start, seed
#   samba-lab.sh tool LAB_DIR ARGS…  samba-tool ARGS… against the running lab over LDAP as Administrator
#   samba-lab.sh down LAB_DIR        stop the lab's own samba and the descendants recorded for it
#
# Everything lives under LAB_DIR (the build's target directory): no file in /etc is edited, nothing
# listens outside IP (default 127.0.0.31; Linux routes all of 127/8 to lo, so no interface change).
# Processes are ended by the PID recorded at start and its descendants, never by name.
set -euo pipefail

ADMIN_PASSWORD='Vigil-Lab-Adm1n!'
USER_PASSWORD='Vigil-Lab-Us3r!'
PACKAGES=(samba samba-ad-dc samba-ad-provision samba-dsdb-modules samba-vfs-modules ldb-tools)

die() { echo "samba-lab: $*" >&2; exit 1; }

usage() { die "usage: $0 up LAB_DIR [IP] | tool LAB_DIR SAMBA-TOOL-ARGS… | down LAB_DIR"; }

[ $# -ge 2 ] || usage
command=$1
lab=$(mkdir -p "$2" && cd "$2" && pwd)
shift 2

ip_of_lab() { cat "$lab/ip"; }

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "packages missing (${missing[*]}) and not root to install them"
  command -v apt-get >/dev/null || die "packages missing (${missing[*]}) and no apt-get"
  echo "samba-lab: installing ${missing[*]}"
  # policy-rc.d keeps the packages' own services from starting on install
  local policy=/usr/sbin/policy-rc.d created_policy=no
  if [ ! -e $policy ]; then
    printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy && created_policy=yes
  fi
  local rc=0
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
             --no-install-recommends "${PACKAGES[@]}"; }; } >"$lab/apt.log" 2>&1 || rc=$?
  [ $created_policy = yes ] && rm -f $policy
  [ $rc -eq 0 ] || { tail -20 "$lab/apt.log" >&2; die "apt-get install failed (see $lab/apt.log)"; }
}

port_in_use() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

write_config() {
  local ip=$1
  cat > "$lab/etc/smb.conf" <<CONF
[global]
	netbios name = DC1
	realm = LAB.EXAMPLE
	workgroup = LAB
	server role = active directory domain controller
	interfaces = $ip/8
	bind interfaces only = yes
	disable netbios = yes
	server services = ldap, kdc
	dns forwarder =
	private dir = $lab/private
	binddns dir = $lab/bind-dns
	lock directory = $lab/lock
	state directory = $lab/state
	cache directory = $lab/cache
	pid directory = $lab/run
	ncalrpc dir = $lab/run/ncalrpc
	ldap server require strong auth = no
	log file = $lab/log/samba.log
	log level = 1
	tls enabled = yes
CONF
}

descendants() {
  local pid=$1 child
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

up() {
  local ip=${1:-127.0.0.31}
  [[ $ip =~ ^127\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "refusing $ip: the lab binds to 127.0.0.0/8 only"
  if [ -f "$lab/run/lab-samba.pid" ] && kill -0 "$(cat "$lab/run/lab-samba.pid")" 2>/dev/null; then
    die "a lab is already running from $lab (pid $(cat "$lab/run/lab-samba.pid")); run down first"
  fi
  for port in 389 636; do
    port_in_use "$ip" $port && die "$ip:$port is already in use; choose another address"
  done
  install_packages
  find "$lab" -mindepth 1 -maxdepth 1 ! -name apt.log -exec rm -rf {} +
  mkdir -p "$lab/etc" "$lab/log" "$lab/run"
  echo "$ip" > "$lab/ip"
  : > "$lab/etc/empty.conf"
  # an empty -s file: provision must not inherit /etc/samba/smb.conf or the host's resolver
  samba-tool domain provision -s "$lab/etc/empty.conf" --targetdir="$lab" --use-rfc2307 \
    --realm=LAB.EXAMPLE --domain=LAB --server-role=dc --dns-backend=SAMBA_INTERNAL \
    --host-name=dc1 --host-ip="$ip" --adminpass="$ADMIN_PASSWORD" \
    --option="interfaces=$ip/8" --option="bind interfaces only=yes" >"$lab/log/provision.log" 2>&1 \
    || { tail -20 "$lab/log/provision.log" >&2; die "provision failed (see $lab/log/provision.log)"; }
  write_config "$ip"
  # seed before starting: local writes to sam.ldb, no network, no race with the server
  local conf=$lab/etc/smb.conf
  samba-tool domain passwordsettings set -s "$conf" --complexity=off --history-length=0 \
    --min-pwd-age=0 --max-pwd-age=0 >>"$lab/log/seed.log" 2>&1
  for user in vigil-sync alice carol dave svc_web; do
    samba-tool user create "$user" "$USER_PASSWORD" --use-username-as-cn -s "$conf" >>"$lab/log/seed.log" 2>&1 \
      || die "cannot create $user (see $lab/log/seed.log)"
  done
  samba-tool user disable dave -s "$conf" >>"$lab/log/seed.log" 2>&1
  # carol: DONT_REQ_PREAUTH (0x400000) on top of NORMAL_ACCOUNT (0x200)
  ldbmodify -H "$lab/private/sam.ldb" >>"$lab/log/seed.log" 2>&1 <<LDIF
dn: CN=carol,CN=Users,DC=lab,DC=example
changetype: modify
replace: userAccountControl
userAccountControl: 4194816
LDIF
  setsid sh -c 'echo $$ > "$1"; exec samba -s "$2" -F --no-process-group' lab-samba \
    "$lab/run/lab-samba.pid" "$conf" >"$lab/log/samba.stdout" 2>&1 < /dev/null &
  local i pid
  for i in $(seq 1 120); do
    pid=$(cat "$lab/run/lab-samba.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      tail -20 "$lab/log/samba.stdout" "$lab/log/samba.log" >&2 || true
      die "samba exited during start-up"
    fi
    if port_in_use "$ip" 636 && [ -s "$lab/private/tls/cert.pem" ]; then
      echo "samba-lab: up on $ip (pid $pid), LDAPS certificate $lab/private/tls/cert.pem"
      return 0
    fi
    sleep 0.5
  done
  down
  die "samba did not answer on $ip:636 within 60 s"
}

tool() {
  [ -f "$lab/ip" ] || die "no lab in $lab"
  samba-tool "$@" -H "ldap://$(ip_of_lab)" -U "Administrator%$ADMIN_PASSWORD" \
    -s "$lab/etc/smb.conf" --use-kerberos=off
}

down() {
  local pidfile=$lab/run/lab-samba.pid pid recorded i
  [ -f "$pidfile" ] || { echo "samba-lab: nothing to stop in $lab"; return 0; }
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    recorded=$(descendants "$pid")
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    # samba's children can outlive the parent for a moment; end only those recorded above
    for child in $recorded; do
      kill -0 "$child" 2>/dev/null && kill -TERM "$child" 2>/dev/null || true
    done
    sleep 0.5
    for child in $recorded; do
      kill -0 "$child" 2>/dev/null && kill -KILL "$child" 2>/dev/null || true
    done
  fi
  rm -f "$pidfile"
  echo "samba-lab: stopped"
}

case $command in
  up) up "$@" ;;
  tool) tool "$@" ;;
  down) down ;;
  *) usage ;;
esac
