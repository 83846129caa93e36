# Sourced by the comparison scripts: finds ../shared beside an ancestor of the repository and sets, for the M3 set
# named in $set_name, data, peers, h (horizon), m (season length), train and test.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
find_shared() {
  local d=$root
  while [ "$d" != "/" ]; do
    if [ -d "$d/shared/$1" ]; then echo "$d/shared/$1"; return 0; fi
    d=$(dirname "$d")
  done
  echo "cannot find shared/$1 beside an ancestor of $root; set ANALYTICS_M3 / ANALYTICS_PEERS" >&2
  return 1
}
data=${ANALYTICS_M3:-$(find_shared datasets/m3)}
peers=${ANALYTICS_PEERS:-$(find_shared peers)}
case $set_name in
  yearly) h=6; m=1 ;;
  quarterly) h=8; m=4 ;;
  monthly) h=18; m=12 ;;
  other) h=8; m=1 ;;
  *) echo "unknown set '$set_name' (yearly, quarterly, monthly, other)" >&2; exit 2 ;;
esac
train=$data/m3-$set_name-train.csv
test=$data/m3-$set_name-test.csv
