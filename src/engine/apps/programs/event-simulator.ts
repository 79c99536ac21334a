/**
 * kodekloud/event-simulator, the app of KodeKloud's multi-container labs: a Python
 * program that logs one user event a second, to its output and to /log/app.log, in
 * Python logging's format (`[2026-01-01 00:00:01,000] INFO in event-simulator: …`).
 * Here it is a script of podsim's shell, with $RANDOM (seeded by the pod name) picking
 * the user and the event, so runs repeat.
 */
export const EVENT_SIMULATOR_SCRIPT = `mkdir -p /log
while true; do
  u=$(( RANDOM % 8 + 1 ))
  case $(( RANDOM % 10 )) in
    0|1|2) e="INFO in event-simulator: USER$u logged in" ;;
    3) e="INFO in event-simulator: USER$u logged out" ;;
    4|5|6) e="INFO in event-simulator: USER$u is viewing page$(( RANDOM % 3 + 1 ))" ;;
    7) e="INFO in event-simulator: USER$u is viewing page$(( RANDOM % 3 + 1 ))" ;;
    8) e="WARNING in event-simulator: USER5 Failed to Login as the account is locked due to MANY FAILED ATTEMPTS." ;;
    9) e="WARNING in event-simulator: USER7 Order failed as the item is OUT OF STOCK." ;;
  esac
  line="[$(date '+%Y-%m-%d %H:%M:%S'),000] $e"
  echo "$line"
  echo "$line" >> /log/app.log
  sleep 1
done
`;
