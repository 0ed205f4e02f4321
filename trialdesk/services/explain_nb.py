"""Norwegian Bokmål wording of rule explanations for printouts, which cannot use Qt's translator.

The UI translates the same English source texts through resources/i18n/trialdesk_nb.ts (context
``Explanation``). tests/services/test_explain.py fails when this table and the .ts differ, so edit
the wording in both (or copy it from the .ts after translating there).
"""

from __future__ import annotations

NB: dict[str, str] = {
    # templates, one per explanation code
    "awaiting the investigator's judgement": "venter på utprøvers vurdering",
    "investigator's judgement: yes": "utprøvers vurdering: ja",
    "investigator's judgement: no": "utprøvers vurdering: nei",
    "not applicable: the participant is a man": "ikke aktuelt: deltakeren er mann",
    "not applicable: woman not of childbearing potential": "ikke aktuelt: kvinne som ikke kan bli gravid",
    "sex not recorded": "kjønn ikke registrert",
    "childbearing potential not recorded": "ikke registrert om deltakeren kan bli gravid",
    "pregnancy test {result}": "graviditetstest {result}",
    "no pregnancy test recorded": "ingen graviditetstest registrert",
    "{fact} not recorded": "{fact} ikke registrert",
    "{fact} \"{value}\" is not a recognised value": "{fact} «{value}» er ikke en gyldig verdi",
    "{fact} is {value}": "{fact} er {value}",
    "{fact} is {value}, not {choices}": "{fact} er {value}, ikke {choices}",
    "Canadian Consensus Criteria not met": "Kanadiske konsensuskriterier ikke oppfylt",
    "Canadian Consensus Criteria met; severity is {value}":
        "Kanadiske konsensuskriterier oppfylt; alvorlighetsgrad er {value}",
    "age {age} on {day} (born {birth_date}); needs {min_years}–{max_years}":
        "alder {age} år den {day} (født {birth_date}); krav {min_years}–{max_years} år",
    "{fact} {date} is on or before the screening date {day}": "{fact} {date} er på eller før screeningdatoen {day}",
    "{fact} {date} is after the screening date {day}": "{fact} {date} er etter screeningdatoen {day}",
    "disease duration {duration} (onset {onset}); needs ≥ {minimum}":
        "sykdomsvarighet {duration} (debut {onset}); krav ≥ {minimum}",
    "{analyte} {entered}{value} {unit} {relation} {threshold} {unit}":
        "{analyte} {entered}{value} {unit} {relation} {threshold} {unit}",
    "{analyte} not recorded": "{analyte} ikke registrert",
    "{analyte} cannot be used: {reason}": "{analyte} kan ikke brukes: {reason}",
    "{analyte} {value} {unit} is within the pre-dose safety limits ({limits})":
        "{analyte} {value} {unit} er innenfor sikkerhetsgrensene før dosering ({limits})",
    "{analyte} {value} {unit} is below the pre-dose safety limit {limit} {unit}":
        "{analyte} {value} {unit} er under sikkerhetsgrensen før dosering på {limit} {unit}",
    "{analyte} {value} {unit} is above the pre-dose safety limit {limit} {unit}":
        "{analyte} {value} {unit} er over sikkerhetsgrensen før dosering på {limit} {unit}",
    "the protocol sets no pre-dose safety limit for {analyte}":
        "protokollen har ingen sikkerhetsgrense før dosering for {analyte}",
    "{analyte}: result on file, within limits": "{analyte}: resultat registrert, innenfor grensene",
    "{analyte}: outside the pre-dose safety limit — refer to the unblinded physician":
        "{analyte}: utenfor sikkerhetsgrensen før dosering — kontakt ublindet lege",
    "the participant is not enrolled (status {status})": "deltakeren er ikke inkludert (status: {status})",
    "participant enrolled": "deltakeren er inkludert",
    "eligibility signed by an investigator": "kvalifisering signert av utprøver",
    "eligibility is not signed, or its signature no longer matches the data":
        "kvalifiseringen er ikke signert, eller signaturen stemmer ikke lenger med dataene",
    "{previous} is not recorded yet (given or missed)": "{previous} er ikke registrert ennå (gitt eller ikke gjennomført)",
    "previous doses recorded ({previous})": "tidligere doser registrert ({previous})",
    "{dose} was already given on {date}": "{dose} ble allerede gitt {date}",
    "{dose} on {day} is inside its window {start} – {end}": "{dose} {day} er innenfor tidsvinduet {start} – {end}",
    "{dose} on {day} is outside its window {start} – {end}: allowed only with a reason":
        "{dose} {day} er utenfor tidsvinduet {start} – {end}: bare tillatt med begrunnelse",
    "{analyte}: no pre-dose result": "{analyte}: ingen prøvesvar før dosering",
    "{analyte}: sample of {sampled} is more than {days} days before the dose":
        "{analyte}: prøven fra {sampled} er tatt mer enn {days} dager før dosen",
    "pregnancy test not required (not a woman of childbearing potential)":
        "graviditetstest ikke påkrevd (ikke kvinne som kan bli gravid)",
    "pregnancy test required before the dose: none recorded for today":
        "graviditetstest påkrevd før dosen: ingen registrert i dag",
    "pregnancy test negative today": "graviditetstest negativ i dag",
    "pregnancy test POSITIVE: do not dose": "graviditetstest POSITIV: ikke gi dosen",
    "premedication not recorded: {drug}": "premedisinering ikke registrert: {drug}",
    "{drug} given at {time} ({hours} h before now)": "{drug} gitt kl. {time} ({hours} timer siden)",
    "{drug} given at {time}: {hours} h before now, needs {min}–{max} h":
        "{drug} gitt kl. {time}: {hours} timer siden, krav {min}–{max} timer",
    "type and screen done {date}": "blodtype og antistoffscreening tatt {date}",
    "type and screen not recorded (required before the first dose)":
        "blodtype og antistoffscreening ikke registrert (påkrevd før første dose)",
    "alert card issued {date}": "pasientkort utlevert {date}",
    "alert card not issued (required before the first dose)": "pasientkort ikke utlevert (påkrevd før første dose)",
    # screening facts
    "Canadian Consensus Criteria": "Kanadiske konsensuskriterier",
    "severity": "alvorlighetsgrad",
    "consent date": "samtykkedato",
    "ME/CFS onset date": "debutdato for ME/CFS",
    "onset trigger": "utløsende faktor",
    "birth date": "fødselsdato",
    "pregnancy test": "graviditetstest",
    # choices, results and statuses
    "mild": "mild",
    "mild/moderate": "mild/moderat",
    "moderate": "moderat",
    "moderate/severe": "moderat/alvorlig",
    "severe": "alvorlig",
    "very severe": "svært alvorlig",
    "infection": "infeksjon",
    "other immunological": "annen immunologisk",
    "none": "ingen",
    "negative": "negativ",
    "positive": "positiv",
    "candidate": "kandidat",
    "screening": "screening",
    "screen failure": "screeningsvikt",
    "enrolled": "inkludert",
    "on treatment": "under behandling",
    "follow up": "oppfølging",
    "completed": "fullført",
    "withdrawn": "trukket fra studien",
    # why a lab value cannot be used
    "the value is not a number": "verdien er ikke et tall",
    "the unit is not one of this analyte's units": "enheten hører ikke til denne analysen",
    "the value is outside the plausible range": "verdien er utenfor det plausible området",
    "expected a value and a unit": "verdi og enhet mangler",
    # lists and plurals
    "{items} or {last}": "{items} eller {last}",
    "{n} year": "{n} år",
    "{n} years": "{n} år",
    "{n} month": "{n} måned",
    "{n} months": "{n} måneder",
}
