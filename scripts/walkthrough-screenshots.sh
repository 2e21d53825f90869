#!/usr/bin/env bash
# Takes the issue-14 walk-through screenshots from the Microsoft 365 Agents Playground into docs/screenshots/walk/:
# the French learner's first minute (welcome → Français → first step), a quiz question and its feedback, a failed
# result with its review buttons, "continuer" after the finished quiz, the course map, an FAQ answer, the channel help
# and the French manager's per-person report; a question about a subject (itsme) pointed to its step, "stop", and
# unknown text in the channel. Needs the local stack running: start ./scripts/run-local.sh first
# (and scripts/setup.sh --browser once, for Chromium). The Playground's user (Amélie Dubois) starts from scratch:
# her data is deleted first with "supprimer mes données".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="docs/screenshots/walk"
mkdir -p "$OUT"
shot() { # name, then screenshot-playground.mjs options
  local name=$1
  shift
  timeout 120 node scripts/screenshot-playground.mjs "$OUT/$name.png" "$@" >/dev/null
  echo "$OUT/$name.png"
}
fr=(--locale fr-BE)

# A clean start: delete Amélie's data (she is the Playground's current user) and confirm.
shot 00-reset --send "supprimer mes données" "${fr[@]}" --click "Tout effacer" >/dev/null || true

# First minute: the welcome (the Playground installs the app with locale en-US), French, then the first step.
shot 01-welcome --wait-for "Welcome to Connectoo" --height 1000
shot 02-welcome-francais --click "Français" --height 1000
shot 03-first-step --send "commencer" "${fr[@]}" --height 1200

# A quiz question, then one tap on an answer: the feedback.
shot 04-question --send "modules" "${fr[@]}" --click "Quiz du module 1" --height 1100
shot 05-feedback --send "continuer" "${fr[@]}" --tap 1 --height 1200
# The other seven questions: "continuer" brings the next one, one tap answers it (always the first answer shown).
for _ in 2 3 4 5 6 7 8; do
  shot tmp --send "continuer" "${fr[@]}" --tap 1 >/dev/null
done

# "continuer" typed after the finished (failed) quiz: its result, with each step to review as a button, retry and
# review (never the old-card notice); then a tap on the first step to review opens it below, and the result stays.
shot 06-result-after-continue --send "continuer" "${fr[@]}" --height 1400
shot 07-review-step --send "continuer" "${fr[@]}" --tap 1 --height 1800
shot 08-course-map --send "modules" "${fr[@]}" --height 2100
shot 09-faq --send "combien de temps faut-il ?" "${fr[@]}" --height 1000
# A question about a subject of the course points to the step that teaches it, and opens it; "stop" says what is kept.
shot 12-subject-pointer --send "c'est quoi itsme ?" "${fr[@]}" --click "Ouvrir cette étape" --height 1400
shot 13-stop --send "stop" "${fr[@]}" --height 900

# The team: help in the channel, then "progress": the per-person report arrives privately, in French.
shot 10-channel-help --conversation "Connectoo learning" --send "aide" "${fr[@]}" --height 1300
shot 11-manager-report --conversation "Connectoo learning" --send "progression" "${fr[@]}" --then-open "Personal Chat" --height 2000
# In the channel, text the bot does not know gets one line pointing to the channel help, in the sender's language.
shot 14-channel-unknown --conversation "Connectoo learning" --send "wat is CSAM?" --from "Jan Peeters" --locale nl-BE --height 900
rm -f "$OUT/tmp.png" "$OUT/00-reset.png"
