# he300 host facts: every probe in one script (one SSH round trip), run with `sh -s`.
# Each probe prints "::he300:begin NAME", its output (stdout and stderr), then "::he300:end NAME EXIT".
# A missing program is reported as exit 127, never fatal. Files are read under ${HE300_PROBE_ROOT}, which is empty
# on a real host; tests and offline probes of a mounted image point it at another root.
R="${HE300_PROBE_ROOT:-}"
LC_ALL=C
export LC_ALL
b() { printf '::he300:begin %s\n' "$1"; }
e() { printf '\n::he300:end %s %s\n' "$1" "$2"; }
p() {
  n=$1; shift; b "$n"
  if command -v "$1" >/dev/null 2>&1; then "$@" </dev/null 2>&1; rc=$?; else echo "$1: command not found"; rc=127; fi
  e "$n" "$rc"
}
f() {
  b "$1"; if [ -r "$R$2" ]; then cat "$R$2"; rc=$?; else rc=1; fi; e "$1" "$rc"
}
t() {
  b "$1"; [ -e "$R$2" ]; e "$1" "$?"
}
f os-release /etc/os-release
p uname-s uname -s
p uname-m uname -m
if [ "$(uname -s 2>/dev/null)" = Darwin ]; then
  p sw-vers sw_vers -productVersion
  p cpu-brand sysctl -n machdep.cpu.brand_string
  p mac-memsize sysctl -n hw.memsize
  p mac-ncpu sysctl -n hw.ncpu
fi
t lambda-file /etc/lambda-stack
p lambda-dpkg dpkg-query -W lambda-stack-cuda
b lambda-apt
for x in "$R"/etc/apt/sources.list "$R"/etc/apt/sources.list.d/*; do
  [ -r "$x" ] && grep -qi lambdalabs "$x" 2>/dev/null && echo "${x#"$R"}"
done
e lambda-apt 0
p nvidia-smi nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader,nounits
p lspci lspci
p docker-server docker version --format '{{.Server.Version}}'
p compose docker compose version
p docker-runtimes docker info --format '{{json .Runtimes}}'
p toolkit-dpkg dpkg-query -W -f='${Version}' nvidia-container-toolkit
p nvidia-ctk nvidia-ctk --version
p id-u id -u
p id-un id -un
if [ "$(id -u 2>/dev/null)" != 0 ]; then p sudo sudo -n true; fi
p nproc nproc
p free free -b
d=/
[ -d "$R/var/lib/docker" ] && d=/var/lib/docker
b df-path; printf '%s' "$d"; e df-path 0
p df df -B1 --output=avail "$d"
[ "$rc" = 0 ] || p df-k df -k "$d"
t reboot-required /var/run/reboot-required
