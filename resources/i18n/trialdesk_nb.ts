<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nb_NO">
  <context>
    <name>AppController</name>
    <message>
      <source>Backup on exit</source>
      <translation>Sikkerhetskopi ved avslutning</translation>
    </message>
    <message>
      <source>TrialDesk cannot open the store</source>
      <translation>TrialDesk kan ikke åpne datalageret</translation>
    </message>
    <message>
      <source>site {code}</source>
      <translation>studiested {code}</translation>
    </message>
    <message>
      <source>Checking the copy…</source>
      <translation>Kontrollerer kopien…</translation>
    </message>
    <message>
      <source>Copying the store…</source>
      <translation>Kopierer lageret…</translation>
    </message>
    <message>
      <source>Making the backup before closing…</source>
      <translation>Tar sikkerhetskopi før programmet lukkes…</translation>
    </message>
    <message>
      <source>The screens are in {language} now.</source>
      <translation>Skjermbildene er på {language} nå.</translation>
    </message>
    <message>
      <source>{problem} Save it or discard it, then choose the language again.</source>
      <translation>{problem} Lagre det eller forkast det, og velg så språket på nytt.</translation>
    </message>
  </context>
  <context>
    <name>ConsentDialog</name>
    <message>
      <source>&amp;Copy:</source>
      <translation>&amp;Kopi:</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Språk:</translation>
    </message>
    <message>
      <source>&amp;Record consent</source>
      <translation>&amp;Registrer samtykke</translation>
    </message>
    <message>
      <source>A copy of the signed form was given to the participant</source>
      <translation>Deltakeren har fått en kopi av den signerte samtykkeerklæringen</translation>
    </message>
    <message>
      <source>Consent form language</source>
      <translation>Språk på samtykkeerklæringen</translation>
    </message>
    <message>
      <source>Consent form version</source>
      <translation>Versjon av samtykkeerklæringen</translation>
    </message>
    <message>
      <source>Copy given</source>
      <translation>Kopi utlevert</translation>
    </message>
    <message>
      <source>Date signed by investigator</source>
      <translation>Dato signert av utprøver</translation>
    </message>
    <message>
      <source>Date signed by participant</source>
      <translation>Dato signert av deltaker</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Engelsk</translation>
    </message>
    <message>
      <source>Form &amp;version:</source>
      <translation>Skjema&amp;versjon:</translation>
    </message>
    <message>
      <source>Informed consent — {study_id}</source>
      <translation>Informert samtykke — {study_id}</translation>
    </message>
    <message>
      <source>Norwegian (bokmål)</source>
      <translation>Norsk (bokmål)</translation>
    </message>
    <message>
      <source>Record the consent form the participant signed. Obtained by: {name}.</source>
      <translation>Registrer samtykkeerklæringen som deltakeren har signert. Innhentet av: {name}.</translation>
    </message>
    <message>
      <source>Signed by &amp;investigator on:</source>
      <translation>Signert av &amp;utprøver den:</translation>
    </message>
    <message>
      <source>Signed by &amp;participant on:</source>
      <translation>Signert av &amp;deltaker den:</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
    <message>
      <source>e.g. 1.0 of 05.01.2026</source>
      <translation type="vanished">f.eks. 1.0 datert 05.01.2026</translation>
    </message>
    <message>
      <source>version {version}</source>
      <translation>versjon {version}</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— velg —</translation>
    </message>
  </context>
  <context>
    <name>CriterionRow</name>
    <message>
      <source>? Open</source>
      <translation>? Åpen</translation>
    </message>
    <message>
      <source>Judgement:</source>
      <translation>Vurdering:</translation>
    </message>
    <message>
      <source>No</source>
      <translation type="vanished">Nei</translation>
    </message>
    <message>
      <source>Note (optional)</source>
      <translation>Merknad (valgfritt)</translation>
    </message>
    <message>
      <source>Note on {cid}</source>
      <translation>Merknad til {cid}</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation type="vanished">Ja</translation>
    </message>
    <message>
      <source>{cid} investigator's judgement</source>
      <translation>Utprøvers vurdering av {cid}</translation>
    </message>
    <message>
      <source>{cid} status: {text}</source>
      <translation>Status for {cid}: {text}</translation>
    </message>
    <message>
      <source>– Not applicable</source>
      <translation>– Ikke aktuelt</translation>
    </message>
    <message>
      <source>✓ Absent</source>
      <translation>✓ Ikke til stede</translation>
    </message>
    <message>
      <source>✓ Met</source>
      <translation>✓ Oppfylt</translation>
    </message>
    <message>
      <source>✗ Not met</source>
      <translation>✗ Ikke oppfylt</translation>
    </message>
    <message>
      <source>✗ Present</source>
      <translation>✗ Til stede</translation>
    </message>
    <message>
      <source>No — absent</source>
      <translation>Nei — ikke til stede</translation>
    </message>
    <message>
      <source>No — not met, excludes</source>
      <translation>Nei — ikke oppfylt, utelukker</translation>
    </message>
    <message>
      <source>Yes — met</source>
      <translation>Ja — oppfylt</translation>
    </message>
    <message>
      <source>Yes — present, excludes</source>
      <translation>Ja — til stede, utelukker</translation>
    </message>
  </context>
  <context>
    <name>FieldError</name>
    <message>
      <source>Error message</source>
      <translation>Feilmelding</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>&amp;Password:</source>
      <translation>&amp;Passord:</translation>
    </message>
    <message>
      <source>&amp;User name:</source>
      <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
      <source>Enter your user name and password.</source>
      <translation>Skriv inn brukernavn og passord.</translation>
    </message>
    <message>
      <source>KTS-11 · {site}</source>
      <translation>KTS-11 · {site}</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Passord</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>Logg inn</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>Logg ut</translation>
    </message>
    <message>
      <source>The window is locked. Enter your password to continue; your unsaved work is kept.</source>
      <translation>Vinduet er låst. Skriv inn passordet ditt for å fortsette; arbeid som ikke er lagret, blir tatt vare på.</translation>
    </message>
    <message>
      <source>TrialDesk — locked</source>
      <translation>TrialDesk — låst</translation>
    </message>
    <message>
      <source>TrialDesk — sign in</source>
      <translation>TrialDesk — logg inn</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Brukernavn</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Språk:</translation>
    </message>
    <message>
      <source>Language of the screens</source>
      <translation>Skjermbildenes språk</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Back up now</source>
      <translation>Ta &amp;sikkerhetskopi nå</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Fil</translation>
    </message>
    <message>
      <source>&amp;Find participant</source>
      <translation>&amp;Finn deltaker</translation>
    </message>
    <message>
      <source>&amp;Lock now</source>
      <translation>&amp;Lås nå</translation>
    </message>
    <message>
      <source>&amp;New candidate…</source>
      <translation>&amp;Ny kandidat…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Avslutt</translation>
    </message>
    <message>
      <source>&amp;Unlock…</source>
      <translation>Lås &amp;opp…</translation>
    </message>
    <message>
      <source>&amp;Verify store</source>
      <translation>&amp;Kontroller datalageret</translation>
    </message>
    <message>
      <source>All checks passed.</source>
      <translation>Alle kontroller er i orden.</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Sikkerhetskopi</translation>
    </message>
    <message>
      <source>Backup written and verified: {file}</source>
      <translation>Sikkerhetskopien er skrevet og kontrollert: {file}</translation>
    </message>
    <message>
      <source>Ctrl+N</source>
      <translation>Ctrl+N</translation>
    </message>
    <message>
      <source>Filter participants by study id</source>
      <translation>Filtrer deltakere på studie-ID</translation>
    </message>
    <message>
      <source>No participants yet.</source>
      <translation>Ingen deltakere ennå.</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Deltakere</translation>
    </message>
    <message>
      <source>Problems found.</source>
      <translation>Det ble funnet feil.</translation>
    </message>
    <message>
      <source>Registered {study_id}.</source>
      <translation>{study_id} er registrert.</translation>
    </message>
    <message>
      <source>Select a participant to open the workspace.</source>
      <translation>Velg en deltaker for å åpne arbeidsområdet.</translation>
    </message>
    <message>
      <source>Sign &amp;out</source>
      <translation>Logg &amp;ut</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>Logg ut</translation>
    </message>
    <message>
      <source>Sign out {name}? Unsaved input in this window will be lost.</source>
      <translation>Logge ut {name}? Det som ikke er lagret i dette vinduet, går tapt.</translation>
    </message>
    <message>
      <source>Signed in: {name} ({role}) · site {site}</source>
      <translation>Innlogget: {name} ({role}) · studiested {site}</translation>
    </message>
    <message>
      <source>The screening checklist of {study_id} has unsaved input. Discard it?</source>
      <translation>Screeningsjekklisten for {study_id} har endringer som ikke er lagret. Vil du forkaste dem?</translation>
    </message>
    <message>
      <source>TrialDesk is locked ({name}). Your unsaved work is kept.</source>
      <translation>TrialDesk er låst ({name}). Arbeid som ikke er lagret, blir tatt vare på.</translation>
    </message>
    <message>
      <source>TrialDesk — KTS-11 — {site}</source>
      <translation>TrialDesk — KTS-11 — {site}</translation>
    </message>
    <message>
      <source>Type to filter by study id (Ctrl+F)</source>
      <translation>Skriv for å filtrere på studie-ID (Ctrl+F)</translation>
    </message>
    <message>
      <source>Unsaved screening input</source>
      <translation>Screeningdata er ikke lagret</translation>
    </message>
    <message>
      <source>Verify store</source>
      <translation>Kontroller datalageret</translation>
    </message>
    <message>
      <source>Your role has no access to clinical data.</source>
      <translation>Rollen din har ikke tilgang til kliniske data.</translation>
    </message>
    <message>
      <source>Due &amp;today</source>
      <translation>Til behandling i &amp;dag</translation>
    </message>
    <message>
      <source>Due for a dose today (Ctrl+D)</source>
      <translation type="vanished">Til behandling i dag: dose (Ctrl+D)</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>Investigator</source>
      <translation>Utprøver</translation>
    </message>
    <message>
      <source>Monitor</source>
      <translation>Monitor</translation>
    </message>
    <message>
      <source>Nurse</source>
      <translation>Studiesykepleier</translation>
    </message>
    <message>
      <source>&amp;Add staff account…</source>
      <translation>&amp;Legg til personalkonto…</translation>
    </message>
    <message>
      <source>&amp;Administration</source>
      <translation type="vanished" />
    </message>
    <message>
      <source>&amp;Change my password…</source>
      <translation>&amp;Endre mitt passord…</translation>
    </message>
    <message>
      <source>&amp;Staff accounts</source>
      <translation>&amp;Personalkontoer</translation>
    </message>
    <message>
      <source>Signed out</source>
      <translation>Logget ut</translation>
    </message>
    <message>
      <source>Site &amp;settings…</source>
      <translation>&amp;Innstillinger for studiestedet…</translation>
    </message>
    <message>
      <source>You are signed out; input not yet saved in this window is lost.</source>
      <translation>Du er logget ut; det som ikke var lagret i dette vinduet, er tapt.</translation>
    </message>
    <message>
      <source>Your password is changed.</source>
      <translation>Passordet ditt er endret.</translation>
    </message>
    <message>
      <source>Ad&amp;ministration</source>
      <translation>Ad&amp;ministrasjon</translation>
    </message>
    <message>
      <source>Due today: doses and contacts (Ctrl+D)</source>
      <translation>Til behandling i dag: doser og kontakter (Ctrl+D)</translation>
    </message>
    <message>
      <source>Lan&amp;guage</source>
      <translation>Språ&amp;k</translation>
    </message>
    <message>
      <source>The screens will be in {language} from the next start of TrialDesk: sign out, quit and start it again.</source>
      <translation>Skjermbildene vises på {language} fra neste oppstart av TrialDesk: logg ut, avslutt og start det igjen.</translation>
    </message>
    <message>
      <source>Store check</source>
      <translation>Kontroll av datalageret</translation>
    </message>
    <message>
      <source>The store failed its integrity check: part of the file is damaged. Save nothing more, close TrialDesk and restore the latest backup with 'trialdesk restore' (ask IT).</source>
      <translation>Datalageret besto ikke integritetskontrollen: en del av filen er skadet. Lagre ikke noe mer, lukk TrialDesk og gjenopprett den siste sikkerhetskopien med «trialdesk restore» (spør IT).</translation>
    </message>
    <message>
      <source>&amp;Conflicts…</source>
      <translation>&amp;Konflikter…</translation>
    </message>
    <message>
      <source>&amp;Send, receive, sync…</source>
      <translation>&amp;Send, motta, synkroniser…</translation>
    </message>
    <message>
      <source>E&amp;xchange</source>
      <translation>&amp;Utveksling</translation>
    </message>
    <message>
      <source>Checking the audit chain…</source>
      <translation>Kontrollerer revisjonssporets kjede…</translation>
    </message>
    <message>
      <source>Checking the copy…</source>
      <translation>Kontrollerer kopien…</translation>
    </message>
    <message>
      <source>Checking the database file…</source>
      <translation>Kontrollerer databasefilen…</translation>
    </message>
    <message>
      <source>Comparing every table with its audit trail…</source>
      <translation>Sammenligner hver tabell med revisjonssporet sitt…</translation>
    </message>
    <message>
      <source>Comparing the audit chain with the backups…</source>
      <translation>Sammenligner revisjonssporets kjede med sikkerhetskopiene…</translation>
    </message>
    <message>
      <source>Copying the store…</source>
      <translation>Kopierer lageret…</translation>
    </message>
    <message>
      <source>Making a backup…</source>
      <translation>Tar sikkerhetskopi…</translation>
    </message>
    <message>
      <source>Verifying the store…</source>
      <translation>Kontrollerer lageret…</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Arbeider…</translation>
    </message>
  </context>
  <context>
    <name>NewCandidateDialog</name>
    <message>
      <source>&amp;Birth date:</source>
      <translation>&amp;Fødselsdato:</translation>
    </message>
    <message>
      <source>&amp;GP (fastlege):</source>
      <translation>Fast&amp;lege:</translation>
    </message>
    <message>
      <source>&amp;Identity number (fødselsnummer):</source>
      <translation>Fødsels&amp;nummer:</translation>
    </message>
    <message>
      <source>&amp;Phone:</source>
      <translation>&amp;Telefon:</translation>
    </message>
    <message>
      <source>&amp;Register</source>
      <translation>&amp;Registrer</translation>
    </message>
    <message>
      <source>&amp;Sex:</source>
      <translation>&amp;Kjønn:</translation>
    </message>
    <message>
      <source>11 digits</source>
      <translation>11 sifre</translation>
    </message>
    <message>
      <source>Birth date</source>
      <translation>Fødselsdato</translation>
    </message>
    <message>
      <source>C&amp;hildbearing potential:</source>
      <translation>Kan bli &amp;gravid:</translation>
    </message>
    <message>
      <source>Childbearing potential</source>
      <translation>Kan bli gravid</translation>
    </message>
    <message>
      <source>Full &amp;name:</source>
      <translation>Fullt n&amp;avn:</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Fullt navn</translation>
    </message>
    <message>
      <source>General practitioner</source>
      <translation>Fastlege</translation>
    </message>
    <message>
      <source>Identity number</source>
      <translation>Fødselsnummer</translation>
    </message>
    <message>
      <source>Man</source>
      <translation>Mann</translation>
    </message>
    <message>
      <source>New candidate</source>
      <translation>Ny kandidat</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Nei</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefon</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>Kjønn</translation>
    </message>
    <message>
      <source>The study id is issued when you save. Identity data is stored apart from the clinical data and never exported.</source>
      <translation>Studie-ID tildeles når du lagrer. Identitetsopplysninger lagres atskilt fra de kliniske dataene og eksporteres aldri.</translation>
    </message>
    <message>
      <source>Woman</source>
      <translation>Kvinne</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Ja</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— velg —</translation>
    </message>
    <message>
      <source>Confirm the sex entered</source>
      <translation>Bekreft kjønnet som er ført inn</translation>
    </message>
    <message>
      <source>The sex entered is right (it differs from the identity number's sex digit)</source>
      <translation>Kjønnet som er ført inn, er riktig (det avviker fra kjønnssifferet i identitetsnummeret)</translation>
    </message>
  </context>
  <context>
    <name>ParticipantWorkspace</name>
    <message>
      <source> (failed: {ids})</source>
      <translation> (ikke oppfylt: {ids})</translation>
    </message>
    <message>
      <source> · not signed</source>
      <translation> · ikke signert</translation>
    </message>
    <message>
      <source> — included {date}</source>
      <translation> — inkludert {date}</translation>
    </message>
    <message>
      <source>&amp;History</source>
      <translation>&amp;Historikk</translation>
    </message>
    <message>
      <source>&amp;Overview</source>
      <translation>&amp;Oversikt</translation>
    </message>
    <message>
      <source>&amp;Screening</source>
      <translation>&amp;Screening</translation>
    </message>
    <message>
      <source>, not of childbearing potential</source>
      <translation>, kan ikke bli gravid</translation>
    </message>
    <message>
      <source>, of childbearing potential</source>
      <translation>, kan bli gravid</translation>
    </message>
    <message>
      <source>Cannot sign</source>
      <translation>Kan ikke signere</translation>
    </message>
    <message>
      <source>Consent:</source>
      <translation>Samtykke:</translation>
    </message>
    <message>
      <source>Eligibility:</source>
      <translation>Kvalifisering:</translation>
    </message>
    <message>
      <source>History of changes</source>
      <translation>Endringshistorikk</translation>
    </message>
    <message>
      <source>Identity:</source>
      <translation>Identitet:</translation>
    </message>
    <message>
      <source>Participant:</source>
      <translation>Deltaker:</translation>
    </message>
    <message>
      <source>Record &amp;consent…</source>
      <translation>Re&amp;gistrer samtykke…</translation>
    </message>
    <message>
      <source>Screening not saved</source>
      <translation>Screening er ikke lagret</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>Status:</translation>
    </message>
    <message>
      <source>The calendar is created when the participant is enrolled.</source>
      <translation>Besøksplanen opprettes når deltakeren blir inkludert.</translation>
    </message>
    <message>
      <source>The checklist is incomplete: {ids} still open.</source>
      <translation>Sjekklisten er ufullstendig: {ids} er ikke besvart ennå.</translation>
    </message>
    <message>
      <source>Visit calendar</source>
      <translation>Besøksplan</translation>
    </message>
    <message>
      <source>You are changing screening data that was already saved or signed. Say why; the reason is kept in the audit trail with the change.</source>
      <translation>Du endrer screeningdata som allerede er lagret eller signert. Oppgi begrunnelse for endringen; den lagres i revisjonssporet sammen med endringen.</translation>
    </message>
    <message>
      <source>eligible</source>
      <translation>kvalifisert</translation>
    </message>
    <message>
      <source>form {version} ({language}); signed by the participant {p_date} and by the investigator {i_date}; obtained by {who}; copy given: {copy}</source>
      <translation>skjema {version} ({language}); signert av deltaker {p_date} og av utprøver {i_date}; innhentet av {who}; kopi utlevert: {copy}</translation>
    </message>
    <message>
      <source>incomplete</source>
      <translation>ufullstendig</translation>
    </message>
    <message>
      <source>live verdict: {verdict}</source>
      <translation>foreløpig vurdering: {verdict}</translation>
    </message>
    <message>
      <source>man</source>
      <translation>mann</translation>
    </message>
    <message>
      <source>no</source>
      <translation>nei</translation>
    </message>
    <message>
      <source>not eligible</source>
      <translation>ikke kvalifisert</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>ikke registrert</translation>
    </message>
    <message>
      <source>not recorded — screening data can be saved only after consent.</source>
      <translation>ikke registrert — screeningdata kan først lagres etter samtykke.</translation>
    </message>
    <message>
      <source>signature no longer valid: the checklist changed after signing; sign again</source>
      <translation>signaturen er ikke lenger gyldig: sjekklisten er endret etter signering; signer på nytt</translation>
    </message>
    <message>
      <source>signed decision: {verdict}</source>
      <translation>signert beslutning: {verdict}</translation>
    </message>
    <message>
      <source>woman</source>
      <translation>kvinne</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <source>{name} · {number} · phone {phone} · GP {gp}</source>
      <translation>{name} · {number} · telefon {phone} · fastlege {gp}</translation>
    </message>
    <message>
      <source>{n} changes, newest first. Times are Oslo time.</source>
      <translation>{n} endringer, nyeste først. Klokkeslett er norsk tid (Oslo).</translation>
    </message>
    <message>
      <source>{sex}, born {born}{potential}</source>
      <translation>{sex}, født {born}{potential}</translation>
    </message>
    <message>
      <source>{study_id}: ELIGIBLE. Signing enrols the participant today and creates the visit calendar.</source>
      <translation>{study_id}: KVALIFISERT. Når du signerer, blir deltakeren inkludert i dag, og besøksplanen opprettes.</translation>
    </message>
    <message>
      <source>{study_id}: NOT ELIGIBLE (failed: {ids}). Signing records a screen failure.</source>
      <translation>{study_id}: IKKE KVALIFISERT (ikke oppfylt: {ids}). Når du signerer, registreres screeningsvikt.</translation>
    </message>
    <message>
      <source>Open screening chec&amp;klist</source>
      <translation>Åpne screeningsj&amp;ekkliste</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>Skri&amp;v ut…</translation>
    </message>
    <message>
      <source>Casebook (every form, signature and change)</source>
      <translation>Casebok (alle skjemaer, signaturer og endringer)</translation>
    </message>
    <message>
      <source>Consent form for signature</source>
      <translation>Samtykkeerklæring til signering</translation>
    </message>
    <message>
      <source>Print a document for this participant</source>
      <translation>Skriv ut et dokument for denne deltakeren</translation>
    </message>
    <message>
      <source>SAE report: {term} ({onset})</source>
      <translation>AUH-rapport: {term} ({onset})</translation>
    </message>
    <message>
      <source>Screening summary</source>
      <translation>Oppsummering av screening</translation>
    </message>
    <message>
      <source>Visit summary: {visit}</source>
      <translation>Oppsummering av besøk: {visit}</translation>
    </message>
    <message>
      <source>Course</source>
      <translation>Forløp</translation>
    </message>
    <message>
      <source>Medications</source>
      <translation>Legemidler</translation>
    </message>
    <message>
      <source>Contact summary: {visit}</source>
      <translation>Kontaktsammendrag: {visit}</translation>
    </message>
    <message>
      <source>The dose visit of {study_id} has unsaved input.</source>
      <translation>Dosebesøket til {study_id} har ulagrede opplysninger.</translation>
    </message>
    <message>
      <source>The screening checklist of {study_id} has unsaved input.</source>
      <translation>Screeningsjekklisten til {study_id} har ulagrede opplysninger.</translation>
    </message>
  </context>
  <context>
    <name>ReasonDialog</name>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Begrunnelse:</translation>
    </message>
    <message>
      <source>&amp;Save with this reason</source>
      <translation>&amp;Lagre med denne begrunnelsen</translation>
    </message>
    <message>
      <source>Reason for change</source>
      <translation>Begrunnelse for endring</translation>
    </message>
  </context>
  <context>
    <name>RecoveryKeyDialog</name>
    <message>
      <source>Recovery key</source>
      <translation>Gjenopprettingsnøkkel</translation>
    </message>
    <message>
      <source>TrialDesk — recovery key</source>
      <translation>TrialDesk — gjenopprettingsnøkkel</translation>
    </message>
    <message>
      <source>Type the recovery key from the sheet printed when this workstation was set up: 16 groups of four characters, then the 4-character checksum. Spaces do not matter.</source>
      <translation>Skriv inn gjenopprettingsnøkkelen fra arket som ble skrevet ut da denne arbeidsstasjonen ble satt opp: 16 grupper à fire tegn, deretter kontrollsummen på fire tegn. Mellomrom spiller ingen rolle.</translation>
    </message>
  </context>
  <context>
    <name>ScreeningChecklistWidget</name>
    <message>
      <source>&amp;Canadian criteria met:</source>
      <translation>&amp;Kanadiske kriterier oppfylt:</translation>
    </message>
    <message>
      <source>&amp;Pregnancy test:</source>
      <translation>&amp;Graviditetstest:</translation>
    </message>
    <message>
      <source>, not of childbearing potential</source>
      <translation>, kan ikke bli gravid</translation>
    </message>
    <message>
      <source>, of childbearing potential</source>
      <translation>, kan bli gravid</translation>
    </message>
    <message>
      <source>&lt;b&gt;No consent recorded:&lt;/b&gt; screening data cannot be saved yet.</source>
      <translation>&lt;b&gt;Samtykke er ikke registrert:&lt;/b&gt; screeningdata kan ikke lagres ennå.</translation>
    </message>
    <message>
      <source>? INCOMPLETE — still open: {reasons}</source>
      <translation>? UFULLSTENDIG — ikke besvart ennå: {reasons}</translation>
    </message>
    <message>
      <source>Canadian Consensus Criteria met</source>
      <translation>Kanadiske konsensuskriterier oppfylt</translation>
    </message>
    <message>
      <source>Consent complete {date}.</source>
      <translation>Samtykke fullstendig {date}.</translation>
    </message>
    <message>
      <source>Ctrl+S</source>
      <translation>Ctrl+S</translation>
    </message>
    <message>
      <source>Eligibility verdict</source>
      <translation>Vurdering av kvalifisering</translation>
    </message>
    <message>
      <source>Exclusion criteria (none may be present)</source>
      <translation>Eksklusjonskriterier (ingen kan være til stede)</translation>
    </message>
    <message>
      <source>IgG unit</source>
      <translation>IgG-enhet</translation>
    </message>
    <message>
      <source>Inclusion criteria (all must be met)</source>
      <translation>Inklusjonskriterier (alle må være oppfylt)</translation>
    </message>
    <message>
      <source>ME/CFS onset date</source>
      <translation>Debutdato for ME/CFS</translation>
    </message>
    <message>
      <source>ME/CFS severity</source>
      <translation>Alvorlighetsgrad av ME/CFS</translation>
    </message>
    <message>
      <source>Man</source>
      <translation>Mann</translation>
    </message>
    <message>
      <source>NK cell count</source>
      <translation>Antall NK-celler</translation>
    </message>
    <message>
      <source>NK unit</source>
      <translation>NK-enhet</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Nei</translation>
    </message>
    <message>
      <source>Not signed.</source>
      <translation>Ikke signert.</translation>
    </message>
    <message>
      <source>Onset trigger</source>
      <translation>Utløsende faktor</translation>
    </message>
    <message>
      <source>Pregnancy test</source>
      <translation>Graviditetstest</translation>
    </message>
    <message>
      <source>Screening &amp;date:</source>
      <translation>Screening&amp;dato:</translation>
    </message>
    <message>
      <source>Screening date</source>
      <translation>Screeningdato</translation>
    </message>
    <message>
      <source>Screening facts</source>
      <translation>Screeningopplysninger</translation>
    </message>
    <message>
      <source>Serum IgG</source>
      <translation>IgG i serum</translation>
    </message>
    <message>
      <source>Si&amp;gn decision…</source>
      <translation>Signer &amp;beslutning…</translation>
    </message>
    <message>
      <source>Still open: {reasons}</source>
      <translation>Ikke besvart ennå: {reasons}</translation>
    </message>
    <message>
      <source>Unsaved changes — save the checklist (Ctrl+S) before signing.</source>
      <translation>Endringer er ikke lagret — lagre sjekklisten (Ctrl+S) før du signerer.</translation>
    </message>
    <message>
      <source>Woman</source>
      <translation>Kvinne</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Ja</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
    <message>
      <source>e.g. 4,9</source>
      <translation type="vanished">f.eks. 4,9</translation>
    </message>
    <message>
      <source>infection</source>
      <translation>infeksjon</translation>
    </message>
    <message>
      <source>mild</source>
      <translation>mild</translation>
    </message>
    <message>
      <source>mild/moderate</source>
      <translation>mild/moderat</translation>
    </message>
    <message>
      <source>moderate (housebound)</source>
      <translation>moderat (hjemmebundet)</translation>
    </message>
    <message>
      <source>moderate/severe</source>
      <translation>moderat/alvorlig</translation>
    </message>
    <message>
      <source>negative</source>
      <translation>negativ</translation>
    </message>
    <message>
      <source>no defined trigger</source>
      <translation>ingen kjent utløsende faktor</translation>
    </message>
    <message>
      <source>other immunological trigger</source>
      <translation>annen immunologisk utløsende faktor</translation>
    </message>
    <message>
      <source>positive</source>
      <translation>positiv</translation>
    </message>
    <message>
      <source>severe (mainly bedridden)</source>
      <translation>alvorlig (hovedsakelig sengeliggende)</translation>
    </message>
    <message>
      <source>sex not recorded</source>
      <translation>kjønn ikke registrert</translation>
    </message>
    <message>
      <source>very severe (needs help with all ADL)</source>
      <translation>svært alvorlig (trenger hjelp med all ADL)</translation>
    </message>
    <message>
      <source>{sex}, born {born}{potential}. {consent}</source>
      <translation>{sex}, født {born}{potential}. {consent}</translation>
    </message>
    <message>
      <source>— not recorded —</source>
      <translation>— ikke registrert —</translation>
    </message>
    <message>
      <source>✓ ELIGIBLE — every inclusion criterion is met and no exclusion criterion is present.</source>
      <translation>✓ KVALIFISERT — alle inklusjonskriterier er oppfylt, og ingen eksklusjonskriterier er til stede.</translation>
    </message>
    <message>
      <source>✓ Signed: {who}</source>
      <translation>✓ Signert: {who}</translation>
    </message>
    <message>
      <source>✗ NOT ELIGIBLE — not satisfied: {reasons}</source>
      <translation>✗ IKKE KVALIFISERT — ikke oppfylt: {reasons}</translation>
    </message>
    <message>
      <source>✗ SIGNATURE NO LONGER VALID: the checklist changed after {who}. It must be signed again.</source>
      <translation>✗ SIGNATUREN ER IKKE LENGER GYLDIG: sjekklisten er endret etter {who}. Den må signeres på nytt.</translation>
    </message>
    <message>
      <source>IgG (ser&amp;um):</source>
      <translation>IgG (se&amp;rum):</translation>
    </message>
    <message>
      <source>ME/CFS onset dat&amp;e:</source>
      <translation>ME/CFS-d&amp;ebutdato:</translation>
    </message>
    <message>
      <source>N&amp;K cells:</source>
      <translation>NK-&amp;celler:</translation>
    </message>
    <message>
      <source>Onset t&amp;rigger:</source>
      <translation>Utløsende &amp;faktor:</translation>
    </message>
    <message>
      <source>Sa&amp;ve checklist</source>
      <translation>Lagre s&amp;jekkliste</translation>
    </message>
    <message>
      <source>Severit&amp;y:</source>
      <translation>Al&amp;vorlighetsgrad:</translation>
    </message>
    <message>
      <source>as on the lab report</source>
      <translation type="vanished">som på laboratoriesvaret</translation>
    </message>
    <message>
      <source>value</source>
      <translation>verdi</translation>
    </message>
  </context>
  <context>
    <name>SetupWizard</name>
    <message>
      <source>&amp;Browse…</source>
      <translation>Bla &amp;gjennom…</translation>
    </message>
    <message>
      <source>&amp;Full name:</source>
      <translation>&amp;Fullt navn:</translation>
    </message>
    <message>
      <source>&amp;Password:</source>
      <translation>&amp;Passord:</translation>
    </message>
    <message>
      <source>&amp;Repeat password:</source>
      <translation>&amp;Gjenta passord:</translation>
    </message>
    <message>
      <source>&amp;User name:</source>
      <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
      <source>Choose where to save the recovery sheet</source>
      <translation>Velg hvor gjenopprettingsarket skal lagres</translation>
    </message>
    <message>
      <source>Enter the site's name as it should appear on printouts.</source>
      <translation>Skriv inn navnet på studiestedet slik det skal stå på utskrifter.</translation>
    </message>
    <message>
      <source>First administrator</source>
      <translation>Første administrator</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Fullt navn</translation>
    </message>
    <message>
      <source>H</source>
      <translation type="vanished">H</translation>
    </message>
    <message>
      <source>Haukeland University Hospital</source>
      <translation type="vanished">Haukeland universitetssjukehus</translation>
    </message>
    <message>
      <source>One letter, e.g. H for Haukeland.</source>
      <translation>Én bokstav, f.eks. H for Haukeland.</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Passord</translation>
    </message>
    <message>
      <source>Recovery &amp;sheet:</source>
      <translation>Gjenopprettings&amp;ark:</translation>
    </message>
    <message>
      <source>Recovery key</source>
      <translation>Gjenopprettingsnøkkel</translation>
    </message>
    <message>
      <source>Recovery sheet file</source>
      <translation>Fil for gjenopprettingsarket</translation>
    </message>
    <message>
      <source>Repeat password</source>
      <translation>Gjenta passord</translation>
    </message>
    <message>
      <source>Save the recovery sheet</source>
      <translation>Lagre gjenopprettingsarket</translation>
    </message>
    <message>
      <source>Set up TrialDesk on this workstation</source>
      <translation>Sett opp TrialDesk på denne arbeidsstasjonen</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Studiested</translation>
    </message>
    <message>
      <source>Site &amp;code:</source>
      <translation>Studiested&amp;kode:</translation>
    </message>
    <message>
      <source>Site &amp;name:</source>
      <translation>&amp;Navn på studiested:</translation>
    </message>
    <message>
      <source>Site code</source>
      <translation>Studiestedkode</translation>
    </message>
    <message>
      <source>Site name</source>
      <translation>Navn på studiested</translation>
    </message>
    <message>
      <source>The administrator manages users, settings and backups (no clinical data).</source>
      <translation>Administratoren forvalter brukere, innstillinger og sikkerhetskopier (ingen kliniske data).</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>De to passordene er ikke like.</translation>
    </message>
    <message>
      <source>TrialDesk writes a recovery-key sheet (PDF). Print it and lock it away: without it, the data cannot be opened on another computer.</source>
      <translation>TrialDesk lager et ark med gjenopprettingsnøkkelen (PDF). Skriv det ut og lås det inn: uten arket kan dataene ikke åpnes på en annen datamaskin.</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Brukernavn</translation>
    </message>
    <message>
      <source>Which trial site is this workstation at?</source>
      <translation>Hvilket studiested står denne arbeidsstasjonen på?</translation>
    </message>
    <message>
      <source>&amp;Later</source>
      <translation>&amp;Senere</translation>
    </message>
    <message>
      <source>&amp;Open the sheet</source>
      <translation>Å&amp;pne arket</translation>
    </message>
    <message>
      <source>At least 10 characters, letters mixed with digits or symbols, not the user name.</source>
      <translation>Minst 10 tegn, bokstaver blandet med sifre eller symboler, ikke brukernavnet.</translation>
    </message>
    <message>
      <source>Recovery-key sheet</source>
      <translation>Ark med gjenopprettingsnøkkel</translation>
    </message>
    <message>
      <source>The recovery-key sheet is written to {path}. Open it now to print it, lock the printout away, then delete the file.</source>
      <translation>Arket med gjenopprettingsnøkkelen er lagret i {path}. Åpne det nå og skriv det ut, lås utskriften inn, og slett deretter filen.</translation>
    </message>
    <message>
      <source>Give a file name ending in .pdf for the recovery sheet.</source>
      <translation>Gi et filnavn som slutter på .pdf for gjenopprettingsarket.</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist: choose another with Browse….</source>
      <translation>Mappen {folder} finnes ikke: velg en annen med Bla gjennom….</translation>
    </message>
    <message>
      <source>one letter, as in the study ids</source>
      <translation>én bokstav, som i studie-ID-ene</translation>
    </message>
    <message>
      <source>the hospital's name, as on printouts</source>
      <translation>sykehusets navn, slik det skal stå på utskrifter</translation>
    </message>
  </context>
  <context>
    <name>SignatureDialog</name>
    <message>
      <source>&amp;Password:</source>
      <translation>&amp;Passord:</translation>
    </message>
    <message>
      <source>&amp;Sign</source>
      <translation>&amp;Signer</translation>
    </message>
    <message>
      <source>&amp;User name:</source>
      <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
      <source>Electronic signature</source>
      <translation>Elektronisk signatur</translation>
    </message>
    <message>
      <source>Meaning of this signature: &lt;b&gt;{meaning}&lt;/b&gt;</source>
      <translation>Betydningen av denne signaturen: &lt;b&gt;{meaning}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Passord</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Brukernavn</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>"{text}" is not a date: write it as 26.11.2026 or 2026-11-26.</source>
      <translation>«{text}» er ikke en dato: skriv den som 26.11.2026 eller 2026-11-26.</translation>
    </message>
    <message>
      <source>A fatal event is serious (criterion: death).</source>
      <translation>En hendelse med dødelig utfall er alvorlig (kriterium: død).</translation>
    </message>
    <message>
      <source>A reason is required to change or delete data that was already saved.</source>
      <translation>Oppgi begrunnelse for å endre eller slette data som allerede er lagret.</translation>
    </message>
    <message>
      <source>A result was already saved: give the reason for the change.</source>
      <translation>Svaret er allerede lagret: oppgi begrunnelse for endringen.</translation>
    </message>
    <message>
      <source>A saved date is being changed: give the reason.</source>
      <translation>En lagret dato endres: oppgi begrunnelse.</translation>
    </message>
    <message>
      <source>A serious event needs at least one seriousness criterion.</source>
      <translation>En alvorlig hendelse må ha minst ett alvorlighetskriterium.</translation>
    </message>
    <message>
      <source>A signing date cannot be in the future.</source>
      <translation type="vanished">En signeringsdato kan ikke være fram i tid.</translation>
    </message>
    <message>
      <source>Administrators cannot change their own role.</source>
      <translation>Administratorer kan ikke endre sin egen rolle.</translation>
    </message>
    <message>
      <source>Administrators cannot deactivate themselves.</source>
      <translation>Administratorer kan ikke deaktivere seg selv.</translation>
    </message>
    <message>
      <source>Adverse events are recorded from consent on.</source>
      <translation>Uønskede hendelser registreres fra samtykket er gitt.</translation>
    </message>
    <message>
      <source>Cannot create the data folder {folder}: {problem}</source>
      <translation type="vanished">Kan ikke opprette datamappen {folder}: {problem}</translation>
    </message>
    <message>
      <source>Cannot create {folder}: {problem}</source>
      <translation type="vanished">Kan ikke opprette {folder}: {problem}</translation>
    </message>
    <message>
      <source>Cannot write the backup to {path}: {problem}</source>
      <translation type="vanished">Kan ikke skrive sikkerhetskopien til {path}: {problem}</translation>
    </message>
    <message>
      <source>Cannot write the recovery sheet to {path}: {problem}</source>
      <translation>Kan ikke skrive gjenopprettingsarket til {path}: {problem}</translation>
    </message>
    <message>
      <source>Changes need a signed-in user.</source>
      <translation>Endringer krever en innlogget bruker.</translation>
    </message>
    <message>
      <source>Choose a severity from the list.</source>
      <translation>Velg en alvorlighetsgrad fra listen.</translation>
    </message>
    <message>
      <source>Choose a term from the list (or 'Other, specify').</source>
      <translation>Velg en term fra listen (eller «Annet, spesifiser»).</translation>
    </message>
    <message>
      <source>Choose a value from the list.</source>
      <translation>Velg en verdi fra listen.</translation>
    </message>
    <message>
      <source>Choose negative or positive.</source>
      <translation>Velg negativ eller positiv.</translation>
    </message>
    <message>
      <source>Choose the candidate's sex.</source>
      <translation>Velg kandidatens kjønn.</translation>
    </message>
    <message>
      <source>Choose the injection site: abdomen left or right.</source>
      <translation>Velg injeksjonssted: abdomen venstre eller høyre.</translation>
    </message>
    <message>
      <source>Choose the language of the consent form.</source>
      <translation>Velg språket på samtykkeerklæringen.</translation>
    </message>
    <message>
      <source>Choose the onset trigger from the list.</source>
      <translation>Velg utløsende faktor fra listen.</translation>
    </message>
    <message>
      <source>Choose the pregnancy test result from the list.</source>
      <translation>Velg resultatet av graviditetstesten fra listen.</translation>
    </message>
    <message>
      <source>Enter at least one result.</source>
      <translation>Skriv inn minst ett svar.</translation>
    </message>
    <message>
      <source>Enter the administrator's full name.</source>
      <translation>Skriv inn administratorens fulle navn.</translation>
    </message>
    <message>
      <source>Enter the birth date.</source>
      <translation>Skriv inn fødselsdatoen.</translation>
    </message>
    <message>
      <source>Enter the candidate's full name.</source>
      <translation>Skriv inn kandidatens fulle navn.</translation>
    </message>
    <message>
      <source>Enter the date the investigator signed.</source>
      <translation>Skriv inn datoen utprøveren signerte.</translation>
    </message>
    <message>
      <source>Enter the date the participant signed.</source>
      <translation>Skriv inn datoen deltakeren signerte.</translation>
    </message>
    <message>
      <source>Enter the person's full name as it should appear on signatures.</source>
      <translation>Skriv inn personens fulle navn slik det skal stå i signaturer.</translation>
    </message>
    <message>
      <source>Enter the site's name as it should appear on printouts.</source>
      <translation>Skriv inn navnet på studiestedet slik det skal stå på utskrifter.</translation>
    </message>
    <message>
      <source>Enter the version of the consent form that was signed.</source>
      <translation>Skriv inn versjonen av samtykkeerklæringen som ble signert.</translation>
    </message>
    <message>
      <source>Give a reason for the correction.</source>
      <translation>Oppgi begrunnelse for korrigeringen.</translation>
    </message>
    <message>
      <source>Grade 5 (death) and outcome 'fatal' go together.</source>
      <translation>Grad 5 (død) og utfallet «dødelig» hører sammen.</translation>
    </message>
    <message>
      <source>Grade {grade} does not exist for this term.</source>
      <translation>Grad {grade} finnes ikke for denne termen.</translation>
    </message>
    <message>
      <source>Kit {kit} was already used for another injection: check the label.</source>
      <translation>Kit {kit} er allerede brukt til en annen injeksjon: kontroller etiketten.</translation>
    </message>
    <message>
      <source>No TrialDesk store database in {folder}.</source>
      <translation>Ingen TrialDesk-database i {folder}.</translation>
    </message>
    <message>
      <source>No TrialDesk store in {folder}. Set up this workstation (start TrialDesk, or run 'trialdesk init'), or restore a backup with 'trialdesk restore'.</source>
      <translation>Det finnes ikke noe TrialDesk-datalager i {folder}. Sett opp denne arbeidsstasjonen (start TrialDesk, eller kjør «trialdesk init»), eller gjenopprett en sikkerhetskopi med «trialdesk restore».</translation>
    </message>
    <message>
      <source>No backup file at {path}.</source>
      <translation>Fant ingen sikkerhetskopi i {path}.</translation>
    </message>
    <message>
      <source>No dose before enrolment: {study_id} is {status}.</source>
      <translation>Ingen dose før inklusjon: {study_id} er {status}.</translation>
    </message>
    <message>
      <source>No dose visit before enrolment: {study_id} is {status}.</source>
      <translation>Ingen dosebesøk før inklusjon: {study_id} er {status}.</translation>
    </message>
    <message>
      <source>No such participant.</source>
      <translation>Deltakeren finnes ikke.</translation>
    </message>
    <message>
      <source>No such result.</source>
      <translation>Svaret finnes ikke.</translation>
    </message>
    <message>
      <source>No such user.</source>
      <translation>Brukeren finnes ikke.</translation>
    </message>
    <message>
      <source>No terminal to ask for the password: set {env}.</source>
      <translation>Ingen terminal å be om passordet i: sett {env}.</translation>
    </message>
    <message>
      <source>No usable keychain on this computer ({detail}). TrialDesk keeps the store key in the operating system's keychain; enter the recovery key to open the store, or ask IT to enable a keychain (or set PYTHON_KEYRING_BACKEND).</source>
      <translation>Ingen brukbar nøkkelring på denne datamaskinen ({detail}). TrialDesk oppbevarer nøkkelen til datalageret i operativsystemets nøkkelring; skriv inn gjenopprettingsnøkkelen for å åpne datalageret, eller be IT aktivere en nøkkelring (eller sett PYTHON_KEYRING_BACKEND).</translation>
    </message>
    <message>
      <source>No-go: {problems}. Only an investigator can override, with a signed reason.</source>
      <translation>NO-GO: {problems}. Bare en utprøver kan overstyre, med signert begrunnelse.</translation>
    </message>
    <message>
      <source>Only an investigator can be the unblinded safety physician.</source>
      <translation>Bare en utprøver kan være ublindet sikkerhetslege.</translation>
    </message>
    <message>
      <source>Only an investigator may answer the judgement criteria ({ids}); your other entries were not saved either.</source>
      <translation>Bare en utprøver kan besvare vurderingskriteriene ({ids}); de andre registreringene dine ble heller ikke lagret.</translation>
    </message>
    <message>
      <source>Only serious adverse events are reported on the 24-hour clock.</source>
      <translation>Bare alvorlige uønskede hendelser har 24-timers meldefrist.</translation>
    </message>
    <message>
      <source>Read {symbol} back from the lab report and confirm it before saving.</source>
      <translation>Les {symbol} tilbake fra laboratoriesvaret og bekreft verdien før du lagrer.</translation>
    </message>
    <message>
      <source>Save the screening checklist before signing.</source>
      <translation>Lagre screeningsjekklisten før du signerer.</translation>
    </message>
    <message>
      <source>Say whether the candidate is of childbearing potential.</source>
      <translation>Oppgi om kandidaten kan bli gravid.</translation>
    </message>
    <message>
      <source>Scan or type the kit number from the label (letters, digits, '-').</source>
      <translation>Skann eller skriv inn kitnummeret fra etiketten (bokstaver, sifre, «-»).</translation>
    </message>
    <message>
      <source>Screening data cannot be saved before the informed consent is recorded: no study-specific procedure may happen before the participant has signed (criterion I3). Record the consent first (investigator).</source>
      <translation>Screeningdata kan ikke lagres før informert samtykke er registrert: ingen studiespesifikke prosedyrer kan utføres før deltakeren har signert (kriterium I3). Registrer samtykket først (utprøver).</translation>
    </message>
    <message>
      <source>Seriousness criteria are ticked: mark the event serious.</source>
      <translation>Alvorlighetskriterier er krysset av: merk hendelsen som alvorlig.</translation>
    </message>
    <message>
      <source>Sign in first.</source>
      <translation>Logg inn først.</translation>
    </message>
    <message>
      <source>Sign with your own user name ({username}).</source>
      <translation>Signer med ditt eget brukernavn ({username}).</translation>
    </message>
    <message>
      <source>Specify the term.</source>
      <translation>Spesifiser termen.</translation>
    </message>
    <message>
      <source>The ME/CFS onset date cannot be in the future.</source>
      <translation type="vanished">Debutdatoen for ME/CFS kan ikke være fram i tid.</translation>
    </message>
    <message>
      <source>The ME/CFS onset date is before the birth date.</source>
      <translation type="vanished">Debutdatoen for ME/CFS er før fødselsdatoen.</translation>
    </message>
    <message>
      <source>The account {username} is deactivated.</source>
      <translation>Kontoen {username} er deaktivert.</translation>
    </message>
    <message>
      <source>The account {username} is deactivated; ask the administrator.</source>
      <translation>Kontoen {username} er deaktivert; kontakt administratoren.</translation>
    </message>
    <message>
      <source>The account {username} is locked after too many wrong passwords until {until} (UTC). Wait, or ask the administrator to unlock it.</source>
      <translation>Kontoen {username} er sperret til {until} (UTC) etter for mange feil passord. Vent, eller be administratoren låse den opp.</translation>
    </message>
    <message>
      <source>The account {username} is locked; ask the administrator.</source>
      <translation>Kontoen {username} er sperret; kontakt administratoren.</translation>
    </message>
    <message>
      <source>The backup belongs to store {other}, not to this store ({mine}). Nothing was changed.</source>
      <translation>Sikkerhetskopien tilhører datalager {other}, ikke dette datalageret ({mine}). Ingenting ble endret.</translation>
    </message>
    <message>
      <source>The backup did not verify ({problem}); it was discarded. Try again or ask IT.</source>
      <translation>Sikkerhetskopien besto ikke kontrollen ({problem}) og ble forkastet. Prøv igjen, eller kontakt IT.</translation>
    </message>
    <message>
      <source>The backup {path} cannot be read ({problem}).</source>
      <translation>Sikkerhetskopien {path} kan ikke leses ({problem}).</translation>
    </message>
    <message>
      <source>The backup {path} does not open with this store's key: it belongs to another store or is damaged. Nothing was changed.</source>
      <translation>Sikkerhetskopien {path} kan ikke åpnes med nøkkelen til dette datalageret: den tilhører et annet datalager eller er skadet. Ingenting ble endret.</translation>
    </message>
    <message>
      <source>The backup {path} failed its check ({problem}); nothing was restored.</source>
      <translation>Sikkerhetskopien {path} besto ikke kontrollen ({problem}); ingenting ble gjenopprettet.</translation>
    </message>
    <message>
      <source>The birth date cannot be in the future.</source>
      <translation type="vanished">Fødselsdatoen kan ikke være fram i tid.</translation>
    </message>
    <message>
      <source>The date is in the future.</source>
      <translation type="vanished">Datoen er fram i tid.</translation>
    </message>
    <message>
      <source>The decision cannot be signed while the checklist is incomplete: {ids} still open.</source>
      <translation>Beslutningen kan ikke signeres mens sjekklisten er ufullstendig: {ids} er ikke besvart ennå.</translation>
    </message>
    <message>
      <source>The dose is outside its window: give the reason.</source>
      <translation>Dosen er utenfor tidsvinduet: oppgi begrunnelse.</translation>
    </message>
    <message>
      <source>The end date must be between the onset date and today.</source>
      <translation>Sluttdatoen må være mellom startdatoen og dagens dato.</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>Mappen {folder} finnes ikke.</translation>
    </message>
    <message>
      <source>The identity number belongs to someone born {number_date}, not {entered}: check the number and the birth date.</source>
      <translation type="vanished">Fødselsnummeret tilhører en person født {number_date}, ikke {entered}: kontroller nummeret og fødselsdatoen.</translation>
    </message>
    <message>
      <source>The identity number is not valid: {problem}.</source>
      <translation>Fødselsnummeret er ikke gyldig: {problem}.</translation>
    </message>
    <message>
      <source>The injection cannot end before it started.</source>
      <translation>Injeksjonen kan ikke avsluttes før den startet.</translation>
    </message>
    <message>
      <source>The investigator signs on or after the participant's date ({date}).</source>
      <translation>Utprøveren må signere samme dag som eller etter deltakeren ({date}).</translation>
    </message>
    <message>
      <source>The key of this store (store {store_id}) is not in this computer's keychain. Enter the recovery key from the sheet printed at set-up ('trialdesk recover').</source>
      <translation>Nøkkelen til dette datalageret (datalager {store_id}) finnes ikke i nøkkelringen på denne datamaskinen. Skriv inn gjenopprettingsnøkkelen fra arket som ble skrevet ut ved oppsettet («trialdesk recover»).</translation>
    </message>
    <message>
      <source>The keychain entry for this store is damaged; use the recovery key.</source>
      <translation>Oppføringen for dette datalageret i nøkkelringen er skadet; bruk gjenopprettingsnøkkelen.</translation>
    </message>
    <message>
      <source>The onset date is in the future.</source>
      <translation>Startdatoen er fram i tid.</translation>
    </message>
    <message>
      <source>The participant is not enrolled: no visit calendar yet.</source>
      <translation>Deltakeren er ikke inkludert: ingen besøksplan ennå.</translation>
    </message>
    <message>
      <source>The participant's signing date is before the birth date.</source>
      <translation type="vanished">Deltakerens signeringsdato er før fødselsdatoen.</translation>
    </message>
    <message>
      <source>The sample time is in the future.</source>
      <translation type="vanished">Prøvetakingstidspunktet er fram i tid.</translation>
    </message>
    <message>
      <source>The sample time needs a time zone.</source>
      <translation>Prøvetakingstidspunktet mangler tidssone.</translation>
    </message>
    <message>
      <source>The screening date cannot be in the future.</source>
      <translation type="vanished">Screeningdatoen kan ikke være fram i tid.</translation>
    </message>
    <message>
      <source>The screening date {day} is before the consent was complete ({consent}): no study procedure may come before consent.</source>
      <translation>Screeningdatoen {day} er før samtykket var fullstendig ({consent}): ingen studieprosedyre kan utføres før samtykke.</translation>
    </message>
    <message>
      <source>The store database cannot be read ({problem}): it is damaged or not a TrialDesk store. Nothing was changed. Restore the latest backup with 'trialdesk restore'.</source>
      <translation>Databasen kan ikke leses ({problem}): den er skadet eller ikke et TrialDesk-datalager. Ingenting ble endret. Gjenopprett siste sikkerhetskopi med «trialdesk restore».</translation>
    </message>
    <message>
      <source>The store database failed its integrity check: it is damaged. Nothing was changed. Restore the latest backup with 'trialdesk restore'.</source>
      <translation>Databasen besto ikke integritetskontrollen: den er skadet. Ingenting ble endret. Gjenopprett siste sikkerhetskopi med «trialdesk restore».</translation>
    </message>
    <message>
      <source>The store database {path} is missing (store.json is there). Restore the latest backup with 'trialdesk restore'; no new store was created.</source>
      <translation>Databasen {path} mangler (store.json finnes). Gjenopprett siste sikkerhetskopi med «trialdesk restore»; det ble ikke opprettet noe nytt datalager.</translation>
    </message>
    <message>
      <source>The store in {folder} cannot be read.</source>
      <translation>Datalageret i {folder} kan ikke leses.</translation>
    </message>
    <message>
      <source>The time given is in the future.</source>
      <translation type="vanished">Tidspunktet som er oppgitt, er fram i tid.</translation>
    </message>
    <message>
      <source>The time is in the future.</source>
      <translation>Tidspunktet er fram i tid.</translation>
    </message>
    <message>
      <source>The time needs a time zone.</source>
      <translation>Tidspunktet mangler tidssone.</translation>
    </message>
    <message>
      <source>The time was already saved: give the reason for the change.</source>
      <translation>Tidspunktet er allerede lagret: oppgi begrunnelse for endringen.</translation>
    </message>
    <message>
      <source>The two passwords differ; nothing was created.</source>
      <translation type="vanished">De to passordene er ikke like; ingenting ble opprettet.</translation>
    </message>
    <message>
      <source>The user name {username} is taken (accounts are never deleted).</source>
      <translation>Brukernavnet {username} er allerede i bruk (kontoer slettes aldri).</translation>
    </message>
    <message>
      <source>The {label} {text} is in the future (today is {today}).</source>
      <translation>{text} er fram i tid ({label}; i dag er {today}).</translation>
    </message>
    <message>
      <source>This checklist is already signed; nothing has changed since.</source>
      <translation>Sjekklisten er allerede signert; ingenting er endret siden.</translation>
    </message>
    <message>
      <source>This identity number is already registered as {study_id}.</source>
      <translation>Dette fødselsnummeret er allerede registrert som {study_id}.</translation>
    </message>
    <message>
      <source>This key does not belong to the store in {folder} (store {store_id}). Use the recovery key printed for this store.</source>
      <translation>Denne nøkkelen hører ikke til datalageret i {folder} (datalager {store_id}). Bruk gjenopprettingsnøkkelen som ble skrevet ut for dette datalageret.</translation>
    </message>
    <message>
      <source>This recovery key does not belong to the store in {folder} (store {store_id}).</source>
      <translation>Denne gjenopprettingsnøkkelen hører ikke til datalageret i {folder} (datalager {store_id}).</translation>
    </message>
    <message>
      <source>This recovery key does not open the store in {folder}.</source>
      <translation>Denne gjenopprettingsnøkkelen åpner ikke datalageret i {folder}.</translation>
    </message>
    <message>
      <source>This store already has users; ask its administrator for an account.</source>
      <translation>Dette datalageret har allerede brukere; be administratoren om en konto.</translation>
    </message>
    <message>
      <source>This store is already open in {holder}. Only one TrialDesk may use a store at a time; close the other one first. Nothing was changed.</source>
      <translation>Dette datalageret er allerede åpent i {holder}. Bare én TrialDesk kan bruke et datalager om gangen; lukk den andre først. Ingenting ble endret.</translation>
    </message>
    <message>
      <source>This store was written by a newer TrialDesk (schema {found}; this TrialDesk knows up to {known}). Install the newer TrialDesk; nothing was changed.</source>
      <translation>Dette datalageret er skrevet av en nyere TrialDesk (skjema {found}; denne TrialDesk kjenner skjema til og med {known}). Installer den nyere TrialDesk; ingenting ble endret.</translation>
    </message>
    <message>
      <source>Unexpected error ({kind}). Nothing more was changed.</source>
      <translation>Uventet feil ({kind}). Ingenting mer ble endret.</translation>
    </message>
    <message>
      <source>Unknown premedication {drug}.</source>
      <translation>Ukjent premedisinering: {drug}.</translation>
    </message>
    <message>
      <source>Unknown seriousness criterion.</source>
      <translation>Ukjent alvorlighetskriterium.</translation>
    </message>
    <message>
      <source>Write what the participant reported (verbatim).</source>
      <translation>Skriv det deltakeren rapporterte (ordrett).</translation>
    </message>
    <message>
      <source>Wrong password.</source>
      <translation>Feil passord.</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>Feil brukernavn eller passord.</translation>
    </message>
    <message>
      <source>Your role ({role}) may not {action}.</source>
      <translation>Rollen din ({role}) har ikke tillatelse til dette: {action}.</translation>
    </message>
    <message>
      <source>store.json names store {expected} but the database is store {found}. Nothing was changed; ask IT to check the data folder.</source>
      <translation>store.json angir datalager {expected}, men databasen er datalager {found}. Ingenting ble endret; be IT kontrollere datamappen.</translation>
    </message>
    <message>
      <source>{cid} is not a judgement criterion of the protocol.</source>
      <translation>{cid} er ikke et vurderingskriterium i protokollen.</translation>
    </message>
    <message>
      <source>{code} is not a dose of this protocol.</source>
      <translation>{code} er ikke en dose i denne protokollen.</translation>
    </message>
    <message>
      <source>{code} is not a dose visit.</source>
      <translation>{code} er ikke et dosebesøk.</translation>
    </message>
    <message>
      <source>{folder} already holds a TrialDesk store; it was left untouched.</source>
      <translation>{folder} inneholder allerede et TrialDesk-datalager; det ble ikke endret.</translation>
    </message>
    <message>
      <source>{folder} already holds a TrialDesk store; it was left untouched. Choose another folder or open that store.</source>
      <translation>{folder} inneholder allerede et TrialDesk-datalager; det ble ikke endret. Velg en annen mappe, eller åpne det datalageret.</translation>
    </message>
    <message>
      <source>{path} exists already; choose a new file for the recovery sheet.</source>
      <translation>{path} finnes allerede; velg en ny fil for gjenopprettingsarket.</translation>
    </message>
    <message>
      <source>{path} exists already; choose another file name.</source>
      <translation>{path} finnes allerede; velg et annet filnavn.</translation>
    </message>
    <message>
      <source>{path} is damaged (it should name the store and its site). Restore it from a backup of the data folder or ask IT; the database itself was not touched.</source>
      <translation type="vanished">{path} er skadet (filen skal angi datalageret og studiestedet). Gjenopprett den fra en sikkerhetskopi av datamappen, eller kontakt IT; selve databasen ble ikke endret.</translation>
    </message>
    <message>
      <source>{path} is missing beside the store database. Run 'trialdesk recover' with the recovery key to rebuild it; nothing was changed.</source>
      <translation>{path} mangler ved siden av databasen. Kjør «trialdesk recover» med gjenopprettingsnøkkelen for å gjenskape filen; ingenting ble endret.</translation>
    </message>
    <message>
      <source>{text} does not exist in the calendar.</source>
      <translation>{text} finnes ikke i kalenderen.</translation>
    </message>
    <message>
      <source>{text} is too far in the past for a {label}.</source>
      <translation>{text} er for langt tilbake i tid ({label}).</translation>
    </message>
    <message>
      <source>{value} is not a plausible value ({low}–{high}).</source>
      <translation>{value} er ikke en plausibel verdi ({low}–{high}).</translation>
    </message>
    <message>
      <source>Cannot write {path}: {problem}</source>
      <translation>Kan ikke skrive {path}: {problem}</translation>
    </message>
    <message>
      <source>Choose the language of the printout: nb or en.</source>
      <translation>Velg språk for utskriften: nb eller en.</translation>
    </message>
    <message>
      <source>Give the reason the dose was not given.</source>
      <translation>Oppgi begrunnelse for at dosen ikke ble gitt.</translation>
    </message>
    <message>
      <source>No consent form template for {language} (version {version}) is installed.</source>
      <translation>Ingen mal for samtykkeerklæring på {language} (versjon {version}) er installert.</translation>
    </message>
    <message>
      <source>No participant {study_id} in this store.</source>
      <translation>Deltaker {study_id} finnes ikke i dette datalageret.</translation>
    </message>
    <message>
      <source>No such adverse event.</source>
      <translation>Den uønskede hendelsen finnes ikke.</translation>
    </message>
    <message>
      <source>Nothing is recorded for {dose} of {study_id} yet.</source>
      <translation>Ingenting er registrert for {dose} for {study_id} ennå.</translation>
    </message>
    <message>
      <source>The results changed while they were read; try again.</source>
      <translation>Svarene ble endret mens de ble lest; prøv igjen.</translation>
    </message>
    <message>
      <source>This adverse event is not marked serious: there is no SAE report to print.</source>
      <translation>Denne uønskede hendelsen er ikke merket som alvorlig: det finnes ingen AUH-rapport å skrive ut.</translation>
    </message>
    <message>
      <source>{code} was given; correct the administration instead.</source>
      <translation>{code} er gitt; korriger registreringen av administreringen i stedet.</translation>
    </message>
    <message>
      <source>{out} already exists; nothing was written (choose a new file name).</source>
      <translation>{out} finnes allerede; ingenting ble skrevet (velg et nytt filnavn).</translation>
    </message>
    <message>
      <source>{out} exists and is not an empty folder; nothing was written.</source>
      <translation>{out} finnes og er ikke en tom mappe; ingenting ble skrevet.</translation>
    </message>
    <message>
      <source>{path} already exists; nothing was written.</source>
      <translation>{path} finnes allerede; ingenting ble skrevet.</translation>
    </message>
    <message>
      <source>No pages were chosen to print.</source>
      <translation>Ingen sider er valgt for utskrift.</translation>
    </message>
    <message>
      <source>The PDF could not be read for printing.</source>
      <translation>PDF-en kunne ikke leses for utskrift.</translation>
    </message>
    <message>
      <source>The printer could not be started. Check that it is connected and try again.</source>
      <translation>Skriveren kunne ikke startes. Kontroller at den er tilkoblet, og prøv igjen.</translation>
    </message>
    <message>
      <source>The printer stopped after {count} pages.</source>
      <translation>Skriveren stoppet etter {count} sider.</translation>
    </message>
    <message>
      <source>Give the reason for the correction.</source>
      <translation type="vanished">Oppgi begrunnelsen for korrigeringen.</translation>
    </message>
    <message>
      <source>Nothing was changed.</source>
      <translation>Ingenting ble endret.</translation>
    </message>
    <message>
      <source>{code} has no injection record to correct.</source>
      <translation>{code} har ingen injeksjonsregistrering å korrigere.</translation>
    </message>
    <message>
      <source>{problems}</source>
      <translation>{problems}</translation>
    </message>
    <message>
      <source>"{text}" is not a number</source>
      <translation>«{text}» er ikke et tall</translation>
    </message>
    <message>
      <source>"{text}" is not a number: it contains letters</source>
      <translation>«{text}» er ikke et tall: det inneholder bokstaver</translation>
    </message>
    <message>
      <source>"{text}" is not a number: spaces may only separate groups of three digits, as in 1 240</source>
      <translation>«{text}» er ikke et tall: mellomrom kan bare skille grupper på tre sifre, som i 1 240</translation>
    </message>
    <message>
      <source>"{text}" is not a number: use one decimal mark (comma or point) and no thousands separator but a space</source>
      <translation>«{text}» er ikke et tall: bruk ett desimaltegn (komma eller punktum) og bare mellomrom som tusenskille</translation>
    </message>
    <message>
      <source>expected a number, got {type_name}</source>
      <translation>forventet et tall, fikk {type_name}</translation>
    </message>
    <message>
      <source>expected a unit, got {type_name}</source>
      <translation>forventet en enhet, fikk {type_name}</translation>
    </message>
    <message>
      <source>no value entered</source>
      <translation>ingen verdi registrert</translation>
    </message>
    <message>
      <source>the lower limit of normal must not be negative, got {lln}</source>
      <translation>nedre normalgrense kan ikke være negativ, fikk {lln}</translation>
    </message>
    <message>
      <source>{shown} is not possible: the plausible range is {range}</source>
      <translation>{shown} er ikke mulig: sannsynlig område er {range}</translation>
    </message>
    <message>
      <source>{shown} is not possible: the plausible range is {range} — did you mean {unit} or {other}?</source>
      <translation>{shown} er ikke mulig: sannsynlig område er {range} — mente du {unit} eller {other}?</translation>
    </message>
    <message>
      <source>{shown} is not possible: the plausible range is {range} — did you mean {unit}?</source>
      <translation>{shown} er ikke mulig: sannsynlig område er {range} — mente du {unit}?</translation>
    </message>
    <message>
      <source>{symbol}: "{unit}" is not an accepted unit; accepted units: {units}</source>
      <translation>{symbol}: «{unit}» er ikke en godkjent enhet; godkjente enheter: {units}</translation>
    </message>
    <message>
      <source>{symbol}: no unit given; accepted units: {units}</source>
      <translation>{symbol}: ingen enhet oppgitt; godkjente enheter: {units}</translation>
    </message>
    <message>
      <source>{value} is not a number</source>
      <translation>{value} er ikke et tall</translation>
    </message>
    <message>
      <source>{code} is not recorded as not given.</source>
      <translation>{code} er ikke registrert som ikke gitt.</translation>
    </message>
    <message>
      <source>{study_id} is {status}: no new dose visit data (saved values can still be corrected).</source>
      <translation>{study_id} har status {status}: ingen nye data for dosebesøk (lagrede verdier kan fortsatt korrigeres).</translation>
    </message>
    <message>
      <source>A participant who is {old} cannot become {new} (allowed: {allowed}).</source>
      <translation>En deltaker med status {old} kan ikke få status {new} (tillatt: {allowed}).</translation>
    </message>
    <message>
      <source>Unknown participant status {status}.</source>
      <translation>Ukjent deltakerstatus {status}.</translation>
    </message>
    <message>
      <source>Observation until {value} is before the injection ended ({limit}).</source>
      <translation>Observasjon til {value} er før injeksjonen var ferdig ({limit}).</translation>
    </message>
    <message>
      <source>Observation until {value} is more than 24 hours after the injection ended ({limit}).</source>
      <translation>Observasjon til {value} er mer enn 24 timer etter at injeksjonen var ferdig ({limit}).</translation>
    </message>
    <message>
      <source>The ME/CFS onset date {value} is before the participant's birth date ({limit}).</source>
      <translation>Debutdatoen for ME/CFS {value} er før deltakerens fødselsdato ({limit}).</translation>
    </message>
    <message>
      <source>The ME/CFS onset date {value} is in the future (today is {today}).</source>
      <translation>Debutdatoen for ME/CFS {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>The alert card date {value} is before the participant's birth date ({limit}).</source>
      <translation>Datoen for pasientkortet {value} er før deltakerens fødselsdato ({limit}).</translation>
    </message>
    <message>
      <source>The alert card date {value} is in the future (today is {today}).</source>
      <translation>Datoen for pasientkortet {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>The birth date {entered} does not agree with the D-number, which gives {number_date}: check the birth date and the number.</source>
      <translation>Fødselsdatoen {entered} stemmer ikke med D-nummeret, som gir {number_date}: kontroller fødselsdatoen og nummeret.</translation>
    </message>
    <message>
      <source>The birth date {entered} does not agree with the H-number, which gives {number_date}: check the birth date and the number.</source>
      <translation>Fødselsdatoen {entered} stemmer ikke med H-nummeret, som gir {number_date}: kontroller fødselsdatoen og nummeret.</translation>
    </message>
    <message>
      <source>The birth date {entered} does not agree with the identity number, which gives {number_date}: check the birth date and the number.</source>
      <translation>Fødselsdatoen {entered} stemmer ikke med fødselsnummeret, som gir {number_date}: kontroller fødselsdatoen og nummeret.</translation>
    </message>
    <message>
      <source>The birth date {value} is before {limit}: check the year.</source>
      <translation>Fødselsdatoen {value} er før {limit}: kontroller årstallet.</translation>
    </message>
    <message>
      <source>The birth date {value} is in the future (today is {today}).</source>
      <translation>Fødselsdatoen {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>The identity number gives a birth date in the future ({number_date}): check the number.</source>
      <translation>Identitetsnummeret gir en fødselsdato fram i tid ({number_date}): kontroller nummeret.</translation>
    </message>
    <message>
      <source>The identity number's sex digit (9th) is even, a woman's number, but man is entered. Legal and biological sex can differ: confirm the sex entered, or correct it.</source>
      <translation>Kjønnssifferet (9. siffer) i identitetsnummeret er partall, et kvinnenummer, men mann er ført inn. Juridisk og biologisk kjønn kan være ulike: bekreft kjønnet som er ført inn, eller rett det.</translation>
    </message>
    <message>
      <source>The identity number's sex digit (9th) is odd, a man's number, but woman is entered. Legal and biological sex can differ: confirm the sex entered, or correct it.</source>
      <translation>Kjønnssifferet (9. siffer) i identitetsnummeret er oddetall, et mannsnummer, men kvinne er ført inn. Juridisk og biologisk kjønn kan være ulike: bekreft kjønnet som er ført inn, eller rett det.</translation>
    </message>
    <message>
      <source>The injection time {value} is before the participant's birth date ({limit}).</source>
      <translation>Injeksjonstidspunktet {value} er før deltakerens fødselsdato ({limit}).</translation>
    </message>
    <message>
      <source>The investigator's signing date {value} is in the future (today is {today}).</source>
      <translation>Utprøvers signeringsdato {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>The onset date {value} is before the participant's birth date ({limit}).</source>
      <translation>Startdatoen {value} er før deltakerens fødselsdato ({limit}).</translation>
    </message>
    <message>
      <source>The participant's signing date {value} is before the participant's birth date ({limit}).</source>
      <translation>Deltakerens signeringsdato {value} er før deltakerens fødselsdato ({limit}).</translation>
    </message>
    <message>
      <source>The participant's signing date {value} is in the future (today is {today}).</source>
      <translation>Deltakerens signeringsdato {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>The pregnancy test date {value} is before the participant's birth date ({limit}).</source>
      <translation>Datoen for graviditetstesten {value} er før deltakerens fødselsdato ({limit}).</translation>
    </message>
    <message>
      <source>The pregnancy test date {value} is in the future (today is {today}).</source>
      <translation>Datoen for graviditetstesten {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>The premedication time {value} is before the participant's birth date ({limit}).</source>
      <translation>Tidspunktet for premedisineringen {value} er før deltakerens fødselsdato ({limit}).</translation>
    </message>
    <message>
      <source>The premedication time {value} is in the future (now: {now}).</source>
      <translation>Tidspunktet for premedisineringen {value} er fram i tid (nå: {now}).</translation>
    </message>
    <message>
      <source>The sample time {value} is before the participant's birth date ({limit}).</source>
      <translation>Prøvetakingstidspunktet {value} er før deltakerens fødselsdato ({limit}).</translation>
    </message>
    <message>
      <source>The sample time {value} is in the future (now: {now}).</source>
      <translation>Prøvetakingstidspunktet {value} er fram i tid (nå: {now}).</translation>
    </message>
    <message>
      <source>The screening date {value} is in the future (today is {today}).</source>
      <translation>Screeningdatoen {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>The time the SAE was reported, {value}, is before the site became aware of it ({limit}).</source>
      <translation>Tidspunktet SAE ble rapportert, {value}, er før senteret fikk kjennskap til den ({limit}).</translation>
    </message>
    <message>
      <source>The time the SAE was reported, {value}, is in the future (now: {now}).</source>
      <translation>Tidspunktet SAE ble rapportert, {value}, er fram i tid (nå: {now}).</translation>
    </message>
    <message>
      <source>The time the site became aware, {value}, is before the onset date ({limit}).</source>
      <translation>Tidspunktet senteret fikk kjennskap, {value}, er før startdatoen ({limit}).</translation>
    </message>
    <message>
      <source>The time the site became aware, {value}, is in the future (now: {now}).</source>
      <translation>Tidspunktet senteret fikk kjennskap, {value}, er fram i tid (nå: {now}).</translation>
    </message>
    <message>
      <source>The type and screen date {value} is before the participant's birth date ({limit}).</source>
      <translation>Datoen for blodtype og antistoffscreening {value} er før deltakerens fødselsdato ({limit}).</translation>
    </message>
    <message>
      <source>The type and screen date {value} is in the future (today is {today}).</source>
      <translation>Datoen for blodtype og antistoffscreening {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>{number} is a synthetic test number (month + 80), which no real person has: it is accepted only in a demo or training store.</source>
      <translation>{number} er et syntetisk testnummer (måned + 80), som ingen virkelig person har: det godtas bare i en demo- eller opplæringsdatabase.</translation>
    </message>
    <message>
      <source>A password has at least 10 characters.</source>
      <translation>Et passord har minst 10 tegn.</translation>
    </message>
    <message>
      <source>A password mixes letters with digits or symbols.</source>
      <translation>Et passord blander bokstaver med sifre eller symboler.</translation>
    </message>
    <message>
      <source>A password must not contain the user name.</source>
      <translation>Et passord kan ikke inneholde brukernavnet.</translation>
    </message>
    <message>
      <source>A user name is 2-32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
      <translation>Et brukernavn har 2–32 tegn: små bokstaver, sifre, «.», «_» eller «-», og begynner med en bokstav.</translation>
    </message>
    <message>
      <source>Change your own password with "Change my password".</source>
      <translation>Endre ditt eget passord med «Endre mitt passord».</translation>
    </message>
    <message>
      <source>Choose a folder apart from the store itself.</source>
      <translation>Velg en annen mappe enn selve datalageret.</translation>
    </message>
    <message>
      <source>Choose a new password, not the current one.</source>
      <translation>Velg et nytt passord, ikke det nåværende.</translation>
    </message>
    <message>
      <source>Choose a role: investigator, nurse, monitor or administrator.</source>
      <translation>Velg en rolle: utprøver, studiesykepleier, monitor eller administrator.</translation>
    </message>
    <message>
      <source>Enter a password.</source>
      <translation>Skriv inn et passord.</translation>
    </message>
    <message>
      <source>Enter a reason: it is kept in the audit trail with the change.</source>
      <translation>Skriv inn en begrunnelse: den lagres i revisjonssporet sammen med endringen.</translation>
    </message>
    <message>
      <source>Enter the backup folder's full path (e.g. /mnt/backup/trialdesk), or leave it empty for the store's own backups folder.</source>
      <translation>Skriv inn hele banen til mappen for sikkerhetskopier (f.eks. /mnt/backup/trialdesk), eller la feltet stå tomt for datalagerets egen mappe.</translation>
    </message>
    <message>
      <source>Enter whole minutes from {low} to {high}.</source>
      <translation>Skriv inn hele minutter fra {low} til {high}.</translation>
    </message>
    <message>
      <source>Enter your current password.</source>
      <translation>Skriv inn det nåværende passordet ditt.</translation>
    </message>
    <message>
      <source>No user {username} in this store.</source>
      <translation>Ingen bruker {username} i dette datalageret.</translation>
    </message>
    <message>
      <source>The account {username} has been deactivated; ask the administrator.</source>
      <translation>Kontoen {username} er deaktivert; spør administratoren.</translation>
    </message>
    <message>
      <source>The account {username} is locked until {until} (UTC); wait, or ask the administrator to unlock it.</source>
      <translation>Kontoen {username} er sperret til {until} (UTC); vent, eller be administratoren låse den opp.</translation>
    </message>
    <message>
      <source>The account {username} is not locked.</source>
      <translation>Kontoen {username} er ikke sperret.</translation>
    </message>
    <message>
      <source>The account {username} no longer exists.</source>
      <translation>Kontoen {username} finnes ikke lenger.</translation>
    </message>
    <message>
      <source>The password of {username} is temporary: set your own password first (sign in to TrialDesk).</source>
      <translation>Passordet til {username} er midlertidig: velg ditt eget passord først (logg inn i TrialDesk).</translation>
    </message>
    <message>
      <source>The role of {username} has been changed to {role}; sign in again.</source>
      <translation>Rollen til {username} er endret til {role}; logg inn på nytt.</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>De to passordene er ikke like.</translation>
    </message>
    <message>
      <source>The two passwords differ; nothing was changed.</source>
      <translation>De to passordene er ikke like; ingenting ble endret.</translation>
    </message>
    <message>
      <source>This password is too common; choose another.</source>
      <translation>Dette passordet er for vanlig; velg et annet.</translation>
    </message>
    <message>
      <source>TrialDesk cannot write into {folder}; choose a folder this user may write to.</source>
      <translation>TrialDesk kan ikke skrive i {folder}; velg en mappe denne brukeren kan skrive i.</translation>
    </message>
    <message>
      <source>{folder} is a file, not a folder.</source>
      <translation>{folder} er en fil, ikke en mappe.</translation>
    </message>
    <message>
      <source>{username} already has this role.</source>
      <translation>{username} har allerede denne rollen.</translation>
    </message>
    <message>
      <source>{username} is deactivated; reactivate the account first.</source>
      <translation>{username} er deaktivert; reaktiver kontoen først.</translation>
    </message>
    <message>
      <source>{username} is already active.</source>
      <translation>{username} er allerede aktiv.</translation>
    </message>
    <message>
      <source>{username} is already deactivated.</source>
      <translation>{username} er allerede deaktivert.</translation>
    </message>
    <message>
      <source>{username} is already the unblinded safety physician.</source>
      <translation>{username} er allerede ublindet sikkerhetslege.</translation>
    </message>
    <message>
      <source>{username} is not the unblinded safety physician.</source>
      <translation>{username} er ikke ublindet sikkerhetslege.</translation>
    </message>
    <message>
      <source>Answer: any changes in medication?</source>
      <translation>Svar: noen endringer i medisineringen?</translation>
    </message>
    <message>
      <source>Answer: any new or worsening symptoms since the last contact?</source>
      <translation>Svar: nye eller forverrede symptomer siden forrige kontakt?</translation>
    </message>
    <message>
      <source>Answer: was a physical examination done?</source>
      <translation>Svar: ble det gjort en klinisk undersøkelse?</translation>
    </message>
    <message>
      <source>Answer: was the questionnaire form received?</source>
      <translation>Svar: er spørreskjemaet mottatt?</translation>
    </message>
    <message>
      <source>Choose how the call went.</source>
      <translation>Velg hvordan samtalen gikk.</translation>
    </message>
    <message>
      <source>Confirm that the participant completed the study.</source>
      <translation>Bekreft at deltakeren har fullført studien.</translation>
    </message>
    <message>
      <source>Enter both blood pressure values, or neither.</source>
      <translation>Fyll inn begge blodtrykksverdiene, eller ingen av dem.</translation>
    </message>
    <message>
      <source>Enter the call: its time and how it went.</source>
      <translation>Fyll inn samtalen: tidspunktet og hvordan den gikk.</translation>
    </message>
    <message>
      <source>Give the reason the contact was missed.</source>
      <translation>Oppgi begrunnelse for at kontakten ikke ble gjennomført.</translation>
    </message>
    <message>
      <source>Give the reason.</source>
      <translation>Oppgi begrunnelsen.</translation>
    </message>
    <message>
      <source>No examination was done: leave the findings empty (say why in the note).</source>
      <translation>Det ble ikke gjort noen undersøkelse: la funn stå tomt (skriv hvorfor i merknaden).</translation>
    </message>
    <message>
      <source>Record the contact {code} first: the adverse event is reported at it.</source>
      <translation>Registrer kontakten {code} først: den uønskede hendelsen meldes ved den.</translation>
    </message>
    <message>
      <source>The contact date {value} is before the first dose ({limit}).</source>
      <translation>Kontaktdatoen {value} er før første dose ({limit}).</translation>
    </message>
    <message>
      <source>The contact date {value} is before the participant's inclusion ({limit}).</source>
      <translation>Kontaktdatoen {value} er før deltakeren ble inkludert ({limit}).</translation>
    </message>
    <message>
      <source>The contact date {value} is in the future (today is {today}).</source>
      <translation>Kontaktdatoen {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>The diastolic pressure ({dia}) must be lower than the systolic ({sys}).</source>
      <translation>Det diastoliske trykket ({dia}) må være lavere enn det systoliske ({sys}).</translation>
    </message>
    <message>
      <source>The note is too long (at most {max} characters).</source>
      <translation>Merknaden er for lang (høyst {max} tegn).</translation>
    </message>
    <message>
      <source>The participant is reached once, at the latest call; a later call is not an attempt.</source>
      <translation>Deltakeren nås én gang, ved den siste samtalen; en senere samtale er ikke et forsøk.</translation>
    </message>
    <message>
      <source>The participant was not reached: there is no answer to record.</source>
      <translation>Deltakeren ble ikke nådd: det er ikke noe svar å registrere.</translation>
    </message>
    <message>
      <source>The participant was reached: record the follow-up itself (with the answers).</source>
      <translation>Deltakeren ble nådd: registrer selve oppfølgingen (med svarene).</translation>
    </message>
    <message>
      <source>The study drug was already discontinued on {day}.</source>
      <translation>Studiemedisinen ble allerede seponert {day}.</translation>
    </message>
    <message>
      <source>The text is too long (at most {max} characters).</source>
      <translation>Teksten er for lang (høyst {max} tegn).</translation>
    </message>
    <message>
      <source>The time {value} is before the first dose ({limit}).</source>
      <translation>Tidspunktet {value} er før første dose ({limit}).</translation>
    </message>
    <message>
      <source>The time {value} is before the participant's inclusion ({limit}).</source>
      <translation>Tidspunktet {value} er før deltakeren ble inkludert ({limit}).</translation>
    </message>
    <message>
      <source>The time {value} is in the future (now: {now}).</source>
      <translation>Tidspunktet {value} er fram i tid (nå: {now}).</translation>
    </message>
    <message>
      <source>The treatment period is already over: there is no study drug to discontinue.</source>
      <translation>Behandlingsperioden er allerede over: det er ingen studiemedisin å seponere.</translation>
    </message>
    <message>
      <source>Write the examination findings (e.g. "normal findings").</source>
      <translation>Skriv funnene ved undersøkelsen (f.eks. «normale funn»).</translation>
    </message>
    <message>
      <source>{code} has nothing recorded to correct.</source>
      <translation>{code} har ikke noe registrert som kan korrigeres.</translation>
    </message>
    <message>
      <source>{code} is a dose visit: record it on the Injections tab.</source>
      <translation>{code} er et dosebesøk: registrer det på fanen Injeksjoner.</translation>
    </message>
    <message>
      <source>{code} is already recorded; correct it with a reason instead.</source>
      <translation>{code} er allerede registrert; korriger den med en begrunnelse i stedet.</translation>
    </message>
    <message>
      <source>{code} is not a contact of this participant's calendar.</source>
      <translation>{code} er ikke en kontakt i denne deltakerens besøksplan.</translation>
    </message>
    <message>
      <source>{code} is not a phone contact: there are no call attempts to record.</source>
      <translation>{code} er ikke en telefonkontakt: det er ingen oppringingsforsøk å registrere.</translation>
    </message>
    <message>
      <source>{code} is not a {kind} contact.</source>
      <translation>{code} er ikke en kontakt av typen {kind}.</translation>
    </message>
    <message>
      <source>{code} is not recorded as missed.</source>
      <translation>{code} er ikke registrert som ikke gjennomført.</translation>
    </message>
    <message>
      <source>{code} is recorded as missed; undo that (with a reason) before recording it.</source>
      <translation>{code} er registrert som ikke gjennomført; angre det (med begrunnelse) før den registreres.</translation>
    </message>
    <message>
      <source>{code} on {day} is outside its window ({start} – {end}): give the reason.</source>
      <translation>{code} den {day} er utenfor tidsvinduet ({start} – {end}): oppgi begrunnelse.</translation>
    </message>
    <message>
      <source>{name} of {code} cannot be corrected here.</source>
      <translation>{name} for {code} kan ikke korrigeres her.</translation>
    </message>
    <message>
      <source>A medication is either ongoing or has a stop date, not both.</source>
      <translation>Et legemiddel er enten pågående eller har en stoppdato, ikke begge deler.</translation>
    </message>
    <message>
      <source>At most {limit} characters.</source>
      <translation>Høyst {limit} tegn.</translation>
    </message>
    <message>
      <source>Choose the fatal adverse event the death is linked to.</source>
      <translation>Velg den dødelige uønskede hendelsen dødsfallet knyttes til.</translation>
    </message>
    <message>
      <source>Choose the route from the list.</source>
      <translation>Velg administrasjonsvei fra listen.</translation>
    </message>
    <message>
      <source>Choose what the participant still agrees to: no further contact, or safety follow-up by phone.</source>
      <translation>Velg hva deltakeren fortsatt samtykker til: ingen videre kontakt, eller sikkerhetsoppfølging per telefon.</translation>
    </message>
    <message>
      <source>Consent was already withdrawn on {day}.</source>
      <translation>Samtykket ble allerede trukket tilbake {day}.</translation>
    </message>
    <message>
      <source>Consent was withdrawn on {day} with no further contact: the study records nothing new about the participant, a death learned afterwards included.</source>
      <translation>Samtykket ble trukket tilbake {day} uten videre kontakt: studien registrerer ikke noe nytt om deltakeren, heller ikke et dødsfall som blir kjent senere.</translation>
    </message>
    <message>
      <source>Consent withdrawn on {since}: the participant agreed to safety follow-up only, so a medication is recorded only when it was given for an adverse event: link it to the event.</source>
      <translation>Samtykke trukket tilbake {since}: deltakeren samtykket bare til sikkerhetsoppfølging, så et legemiddel registreres bare når det ble gitt for en uønsket hendelse: knytt det til hendelsen.</translation>
    </message>
    <message>
      <source>Either write the participant's reason or choose 'no reason given', not both.</source>
      <translation>Skriv enten deltakerens årsak eller velg «ingen årsak oppgitt», ikke begge deler.</translation>
    </message>
    <message>
      <source>Enter the date the medication was started.</source>
      <translation>Skriv inn datoen legemidlet ble startet.</translation>
    </message>
    <message>
      <source>Enter the date.</source>
      <translation>Skriv inn datoen.</translation>
    </message>
    <message>
      <source>Enter the medication's name.</source>
      <translation>Skriv inn legemidlets navn.</translation>
    </message>
    <message>
      <source>Enter the stop date, or mark the medication as ongoing.</source>
      <translation>Skriv inn stoppdatoen, eller merk legemidlet som pågående.</translation>
    </message>
    <message>
      <source>Enter the stop date.</source>
      <translation>Skriv inn stoppdatoen.</translation>
    </message>
    <message>
      <source>Give the reason for the change.</source>
      <translation>Oppgi begrunnelsen for endringen.</translation>
    </message>
    <message>
      <source>Give the reason the study drug is discontinued.</source>
      <translation>Oppgi årsaken til at studielegemidlet seponeres.</translation>
    </message>
    <message>
      <source>Lost to follow-up needs at least {needed} documented unsuccessful contact attempts since the last successful contact ({last}); {count} are recorded since then. Record each attempt on the contact first.</source>
      <translation>Tapt for oppfølging krever minst {needed} dokumenterte mislykkede kontaktforsøk siden siste vellykkede kontakt ({last}); {count} er registrert siden da. Registrer først hvert forsøk på kontakten.</translation>
    </message>
    <message>
      <source>Lost to follow-up needs at least {needed} documented unsuccessful contact attempts; {count} are recorded. Record each attempt on the contact first.</source>
      <translation>Tapt for oppfølging krever minst {needed} dokumenterte mislykkede kontaktforsøk; {count} er registrert. Registrer først hvert forsøk på kontakten.</translation>
    </message>
    <message>
      <source>No consent is recorded for {study_id}: there is none to withdraw.</source>
      <translation>Det er ikke registrert noe samtykke for {study_id}: det er ikke noe å trekke tilbake.</translation>
    </message>
    <message>
      <source>No consent recorded yet: nothing is recorded about a candidate before consent.</source>
      <translation>Samtykke er ikke registrert ennå: ingenting registreres om en kandidat før samtykket.</translation>
    </message>
    <message>
      <source>No such medication.</source>
      <translation>Legemidlet finnes ikke.</translation>
    </message>
    <message>
      <source>Not enrolled yet: visits and contacts start with enrolment.</source>
      <translation>Ikke inkludert ennå: besøk og kontakter begynner ved inklusjon.</translation>
    </message>
    <message>
      <source>Only an investigator records a change of the participant's course.</source>
      <translation>Bare en utprøver registrerer en endring i deltakerens forløp.</translation>
    </message>
    <message>
      <source>Record the fatal adverse event first (outcome fatal, grade 5) on the Adverse events tab: the death is linked to it.</source>
      <translation>Registrer først den dødelige uønskede hendelsen (utfall dødelig, grad 5) på fanen Uønskede hendelser: dødsfallet knyttes til den.</translation>
    </message>
    <message>
      <source>That adverse event is not one of this participant's.</source>
      <translation>Den uønskede hendelsen tilhører ikke denne deltakeren.</translation>
    </message>
    <message>
      <source>That adverse event's outcome is not fatal: change it to fatal (grade 5) first, or choose the fatal one.</source>
      <translation>Utfallet av den uønskede hendelsen er ikke dødelig: endre det først til dødelig (grad 5), eller velg den dødelige.</translation>
    </message>
    <message>
      <source>The date of death {value} is before the onset of the fatal adverse event ({limit}).</source>
      <translation>Dødsdatoen {value} er før starten på den dødelige uønskede hendelsen ({limit}).</translation>
    </message>
    <message>
      <source>The date {value} is before the last dose given ({limit}).</source>
      <translation>Datoen {value} er før siste gitte dose ({limit}).</translation>
    </message>
    <message>
      <source>The date {value} is before the last recorded change of the course ({limit}).</source>
      <translation>Datoen {value} er før siste registrerte endring i forløpet ({limit}).</translation>
    </message>
    <message>
      <source>The date {value} is before the last successful contact ({limit}).</source>
      <translation>Datoen {value} er før siste vellykkede kontakt ({limit}).</translation>
    </message>
    <message>
      <source>The date {value} is before the participant's consent ({limit}).</source>
      <translation>Datoen {value} er før deltakerens samtykke ({limit}).</translation>
    </message>
    <message>
      <source>The date {value} is before the participant's inclusion ({limit}).</source>
      <translation>Datoen {value} er før deltakerens inklusjon ({limit}).</translation>
    </message>
    <message>
      <source>The date {value} is before {limit}: check the year.</source>
      <translation>Datoen {value} er før {limit}: kontroller årstallet.</translation>
    </message>
    <message>
      <source>The date {value} is in the future (today is {today}).</source>
      <translation>Datoen {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>The fatal adverse event ends on {limit}, after the date of death {value}: correct one of them.</source>
      <translation>Den dødelige uønskede hendelsen slutter {limit}, etter dødsdatoen {value}: korriger en av dem.</translation>
    </message>
    <message>
      <source>The start date {value} is before the onset of the adverse event it was given for ({limit}).</source>
      <translation>Startdatoen {value} er før starten på den uønskede hendelsen legemidlet ble gitt for ({limit}).</translation>
    </message>
    <message>
      <source>The start date {value} is before the participant's birth date ({limit}).</source>
      <translation>Startdatoen {value} er før deltakerens fødselsdato ({limit}).</translation>
    </message>
    <message>
      <source>The start date {value} is before {limit}: check the year.</source>
      <translation>Startdatoen {value} er før {limit}: kontroller årstallet.</translation>
    </message>
    <message>
      <source>The start date {value} is in the future (today is {today}).</source>
      <translation>Startdatoen {value} er fram i tid (i dag er {today}).</translation>
    </message>
    <message>
      <source>The stop date {value} is before the start date ({limit}).</source>
      <translation>Stoppdatoen {value} er før startdatoen ({limit}).</translation>
    </message>
    <message>
      <source>The stop date {value} is in the future (today is {today}): a medication still taken is ongoing.</source>
      <translation>Stoppdatoen {value} er fram i tid (i dag er {today}): et legemiddel som fortsatt brukes, er pågående.</translation>
    </message>
    <message>
      <source>The study drug is discontinued during the treatment period only (enrolled or on treatment); {study_id} is {status}.</source>
      <translation>Studielegemidlet seponeres bare i behandlingsperioden (inkludert eller under behandling); {study_id} er {status}.</translation>
    </message>
    <message>
      <source>The study drug was discontinued on {since}: no more doses. Follow-up continues to the end of study.</source>
      <translation>Studielegemidlet ble seponert {since}: ingen flere doser. Oppfølgingen fortsetter til studieslutt.</translation>
    </message>
    <message>
      <source>The study was completed on {since}: only the long-term follow-up (contacts, adverse events, medications) goes on.</source>
      <translation>Studien ble fullført {since}: bare langtidsoppfølgingen (kontakter, uønskede hendelser, legemidler) fortsetter.</translation>
    </message>
    <message>
      <source>The treatment period is over: no more doses.</source>
      <translation>Behandlingsperioden er over: ingen flere doser.</translation>
    </message>
    <message>
      <source>This medication is not among those the protocol forbids.</source>
      <translation>Dette legemidlet er ikke blant dem protokollen forbyr.</translation>
    </message>
    <message>
      <source>This medication is not ongoing: change its stop date instead.</source>
      <translation>Dette legemidlet er ikke pågående: endre stoppdatoen i stedet.</translation>
    </message>
    <message>
      <source>Write the participant's reason, or choose 'no reason given': the participant need not give one.</source>
      <translation>Skriv deltakerens årsak, eller velg «ingen årsak oppgitt»: deltakeren trenger ikke oppgi en.</translation>
    </message>
    <message>
      <source>Write why the medication is given (or what was done about it).</source>
      <translation>Skriv hvorfor legemidlet gis (eller hva som ble gjort med det).</translation>
    </message>
    <message>
      <source>{event} is not recorded here.</source>
      <translation>{event} registreres ikke her.</translation>
    </message>
    <message>
      <source>{name} is among the medications the protocol forbids ({criterion}: {label}). Confirm to save it flagged for the investigator's review.</source>
      <translation>{name} er blant legemidlene protokollen forbyr ({criterion}: {label}). Bekreft for å lagre det flagget for utprøvers vurdering.</translation>
    </message>
    <message>
      <source>{name} is among the medications the protocol forbids ({criterion}: {label}). It is saved flagged: write why it is given (or was, before the study) to confirm.</source>
      <translation>{name} er blant legemidlene protokollen forbyr ({criterion}: {label}). Det lagres flagget: skriv hvorfor det gis (eller ble gitt, før studien) for å bekrefte.</translation>
    </message>
    <message>
      <source>{study_id} died on {day}: the course has ended.</source>
      <translation>{study_id} døde {day}: forløpet er avsluttet.</translation>
    </message>
    <message>
      <source>{study_id} is already lost to follow-up (since {day}).</source>
      <translation>{study_id} er allerede tapt for oppfølging (siden {day}).</translation>
    </message>
    <message>
      <source>{study_id} is {status}: a death is recorded for an enrolled participant.</source>
      <translation>{study_id} er {status}: et dødsfall registreres for en inkludert deltaker.</translation>
    </message>
    <message>
      <source>{study_id} is {status}: a withdrawal of consent is not recorded now.</source>
      <translation>{study_id} er {status}: en tilbaketrekking av samtykket registreres ikke nå.</translation>
    </message>
    <message>
      <source>{study_id} is {status}: only an enrolled participant can be lost to follow-up.</source>
      <translation>{study_id} er {status}: bare en inkludert deltaker kan bli tapt for oppfølging.</translation>
    </message>
    <message>
      <source>Consent withdrawn on {since}: the participant agreed to no further contact, so nothing new may be recorded; the data collected before stay in the study. Values already stored can still be corrected.</source>
      <translation>Samtykke trukket tilbake {since}: deltakeren samtykket ikke til videre kontakt, så ingenting nytt kan registreres; data samlet inn før blir i studien. Verdier som allerede er lagret, kan fortsatt korrigeres.</translation>
    </message>
    <message>
      <source>Consent withdrawn on {since}: the participant agreed to safety follow-up by phone only (contacts, adverse events and the medications given for them). Values already stored can still be corrected.</source>
      <translation>Samtykke trukket tilbake {since}: deltakeren samtykket bare til sikkerhetsoppfølging per telefon (kontakter, uønskede hendelser og legemidlene som gis for dem). Verdier som allerede er lagret, kan fortsatt korrigeres.</translation>
    </message>
    <message>
      <source>Lost to follow-up since {since}: only an adverse event learned from another source (and the medications given for it) may be recorded. Values already stored can still be corrected.</source>
      <translation>Tapt for oppfølging siden {since}: bare en uønsket hendelse som blir kjent fra en annen kilde (og legemidlene som gis for den) kan registreres. Verdier som allerede er lagret, kan fortsatt korrigeres.</translation>
    </message>
    <message>
      <source>The participant died on {since}: only adverse events (and the medications given for them) may still be recorded. Values already stored can still be corrected.</source>
      <translation>Deltakeren døde {since}: bare uønskede hendelser (og legemidlene som gis for dem) kan fortsatt registreres. Verdier som allerede er lagret, kan fortsatt korrigeres.</translation>
    </message>
    <message>
      <source>{code} has not been recorded yet: nothing to print.</source>
      <translation>{code} er ikke registrert ennå: ingenting å skrive ut.</translation>
    </message>
    <message>
      <source>No more doses: {study_id} is {status}.</source>
      <translation>Ingen flere doser: {study_id} er {status}.</translation>
    </message>
    <message>
      <source>A fingerprint is 32 hexadecimal digits in 8 groups of 4 (e.g. 3F2A 9C01 …); check what was typed.</source>
      <translation>Et fingeravtrykk er 32 heksadesimale sifre i 8 grupper på 4 (f.eks. 3F2A 9C01 …); sjekk det som ble skrevet.</translation>
    </message>
    <message>
      <source>A workstation of site {code} is already paired: revoke it first.</source>
      <translation>En arbeidsstasjon på studiested {code} er allerede paret: trekk den tilbake først.</translation>
    </message>
    <message>
      <source>Cannot read {path}: {problem}</source>
      <translation>Kan ikke lese {path}: {problem}</translation>
    </message>
    <message>
      <source>Give the reason for revoking the pairing.</source>
      <translation>Oppgi grunnen til at paringen trekkes tilbake.</translation>
    </message>
    <message>
      <source>No paired workstation {ref}: give its store id or its site code.</source>
      <translation>Ingen paret arbeidsstasjon {ref}: oppgi database-id-en eller studiestedskoden.</translation>
    </message>
    <message>
      <source>Store {store_id} (site {code}) is already paired with other keys (fingerprint {fingerprint}): this file was not accepted. Revoke the pairing first if the workstation really has new keys.</source>
      <translation>Database {store_id} (studiested {code}) er allerede paret med andre nøkler (fingeravtrykk {fingerprint}): filen ble ikke godtatt. Trekk paringen tilbake først hvis arbeidsstasjonen virkelig har fått nye nøkler.</translation>
    </message>
    <message>
      <source>Store {store_id} (site {code}) was already revoked on {when}.</source>
      <translation>Database {store_id} (studiested {code}) ble allerede trukket tilbake {when}.</translation>
    </message>
    <message>
      <source>Store {store_id} (site {code}) was revoked on {when}: a revoked workstation is not paired again.</source>
      <translation>Database {store_id} (studiested {code}) ble trukket tilbake {when}: en tilbaketrukket arbeidsstasjon pares ikke på nytt.</translation>
    </message>
    <message>
      <source>That workstation belongs to the study {theirs}, not to {ours}: it was not paired.</source>
      <translation>Den arbeidsstasjonen hører til studien {theirs}, ikke {ours}: den ble ikke paret.</translation>
    </message>
    <message>
      <source>That workstation has this store's site code {code}: the study ids of two stores of one site code would collide. It was not paired.</source>
      <translation>Den arbeidsstasjonen har denne databasens studiestedskode {code}: studie-id-ene til to databaser med samme studiestedskode ville kollidere. Den ble ikke paret.</translation>
    </message>
    <message>
      <source>The file cannot be decrypted with this workstation's key: it was made for another workstation, or it was altered or damaged on the way.</source>
      <translation>Filen kan ikke dekrypteres med denne arbeidsstasjonens nøkkel: den ble laget for en annen arbeidsstasjon, eller den ble endret eller skadet underveis.</translation>
    </message>
    <message>
      <source>The fingerprint {typed} does not match the identity file (its fingerprint is different): it was not paired. Compare the fingerprint with the other workstation's screen or pairing card again; a file that differs may have been altered.</source>
      <translation>Fingeravtrykket {typed} stemmer ikke med identitetsfilen (filens fingeravtrykk er et annet): ingenting ble paret. Sammenlign fingeravtrykket med den andre arbeidsstasjonens skjerm eller paringskort på nytt; en fil som avviker, kan ha blitt endret.</translation>
    </message>
    <message>
      <source>The identity file has fields this TrialDesk does not know: {fields}.</source>
      <translation>Identitetsfilen har felt denne TrialDesk ikke kjenner: {fields}.</translation>
    </message>
    <message>
      <source>The identity file has the unknown format {found}; this TrialDesk reads {known}.</source>
      <translation>Identitetsfilen har det ukjente formatet {found}; denne TrialDesk leser {known}.</translation>
    </message>
    <message>
      <source>The identity file lacks {fields}.</source>
      <translation>Identitetsfilen mangler {fields}.</translation>
    </message>
    <message>
      <source>The identity file's creation time is not a UTC time.</source>
      <translation>Identitetsfilens opprettelsestid er ikke en UTC-tid.</translation>
    </message>
    <message>
      <source>The identity file's encryption key is not an age recipient.</source>
      <translation>Identitetsfilens krypteringsnøkkel er ikke en age-mottaker.</translation>
    </message>
    <message>
      <source>The identity file's signature does not match its content: the file was altered or damaged. Ask for a new one.</source>
      <translation>Identitetsfilens signatur stemmer ikke med innholdet: filen er endret eller skadet. Be om en ny.</translation>
    </message>
    <message>
      <source>The identity file's signing key is not an Ed25519 public key.</source>
      <translation>Identitetsfilens signeringsnøkkel er ikke en offentlig Ed25519-nøkkel.</translation>
    </message>
    <message>
      <source>The identity file's site code is not one capital letter.</source>
      <translation>Identitetsfilens studiestedskode er ikke én stor bokstav.</translation>
    </message>
    <message>
      <source>The identity file's store id is not a TrialDesk store id.</source>
      <translation>Identitetsfilens database-id er ikke en TrialDesk-database-id.</translation>
    </message>
    <message>
      <source>The sender (store {store_id}) is not paired with this workstation: its bundle is refused. Pair the two workstations first.</source>
      <translation>Avsenderen (database {store_id}) er ikke paret med denne arbeidsstasjonen: pakken avvises. Par de to arbeidsstasjonene først.</translation>
    </message>
    <message>
      <source>The sender (store {store_id}, site {code}) was revoked on {when}: its bundle is refused.</source>
      <translation>Avsenderen (database {store_id}, studiested {code}) ble trukket tilbake {when}: pakken avvises.</translation>
    </message>
    <message>
      <source>The sender claims to be store {store_id} (site {code}) but signs with another key: its bundle is refused.</source>
      <translation>Avsenderen utgir seg for å være database {store_id} (studiested {code}), men signerer med en annen nøkkel: pakken avvises.</translation>
    </message>
    <message>
      <source>These keys already belong to the paired store {store_id}: this file was not accepted.</source>
      <translation>Disse nøklene hører allerede til den parede databasen {store_id}: filen ble ikke godtatt.</translation>
    </message>
    <message>
      <source>This is not a TrialDesk workstation identity file: it is far too large.</source>
      <translation>Dette er ikke en identitetsfil for en TrialDesk-arbeidsstasjon: den er altfor stor.</translation>
    </message>
    <message>
      <source>This is not a TrialDesk workstation identity file: it is not JSON.</source>
      <translation>Dette er ikke en identitetsfil for en TrialDesk-arbeidsstasjon: den er ikke JSON.</translation>
    </message>
    <message>
      <source>This is not a TrialDesk workstation identity file: it is not text.</source>
      <translation>Dette er ikke en identitetsfil for en TrialDesk-arbeidsstasjon: den er ikke tekst.</translation>
    </message>
    <message>
      <source>This is not a TrialDesk workstation identity file: it names no format.</source>
      <translation>Dette er ikke en identitetsfil for en TrialDesk-arbeidsstasjon: den oppgir ikke noe format.</translation>
    </message>
    <message>
      <source>This is this workstation's own identity: pair with the other workstation's file.</source>
      <translation>Dette er denne arbeidsstasjonens egen identitet: par med den andre arbeidsstasjonens fil.</translation>
    </message>
    <message>
      <source>{path} cannot be read ({problem}). Let this user read the data folder, or ask IT; nothing was changed.</source>
      <translation type="vanished">{path} kan ikke leses ({problem}). Gi denne brukeren lesetilgang til datamappen, eller kontakt IT; ingenting ble endret.</translation>
    </message>
    <message>
      <source>{path} does not hold the store's facts (a JSON object naming the store and its site). Move it aside and run 'trialdesk recover' with the recovery key to rebuild it from the database; nothing was changed.</source>
      <translation>{path} inneholder ikke opplysningene om datalageret (et JSON-objekt som angir datalageret og studiestedet). Flytt filen til side og kjør «trialdesk recover» med gjenopprettingsnøkkelen for å gjenskape den fra databasen; ingenting ble endret.</translation>
    </message>
    <message>
      <source>{path} does not name its format: it is damaged or not TrialDesk's. Move it aside and run 'trialdesk recover' with the recovery key to rebuild it from the database; nothing was changed.</source>
      <translation>{path} angir ikke formatet sitt: filen er skadet eller ikke TrialDesks. Flytt den til side og kjør «trialdesk recover» med gjenopprettingsnøkkelen for å gjenskape den fra databasen; ingenting ble endret.</translation>
    </message>
    <message>
      <source>{path} is in format {found}, which this TrialDesk does not know (it reads {known}). Use the TrialDesk that wrote it, or move it aside and run 'trialdesk recover' with the recovery key to rebuild it from the database; nothing was changed.</source>
      <translation>{path} har formatet {found}, som denne TrialDesk ikke kjenner (den leser {known}). Bruk den TrialDesk som skrev filen, eller flytt den til side og kjør «trialdesk recover» med gjenopprettingsnøkkelen for å gjenskape den fra databasen; ingenting ble endret.</translation>
    </message>
    <message>
      <source>{path} is not readable JSON: it is damaged. Move it aside and run 'trialdesk recover' with the recovery key to rebuild it from the database; nothing was changed.</source>
      <translation>{path} er ikke lesbar JSON: filen er skadet. Flytt den til side og kjør «trialdesk recover» med gjenopprettingsnøkkelen for å gjenskape den fra databasen; ingenting ble endret.</translation>
    </message>
    <message>
      <source>{path} lacks the store's {fact}: it is damaged. Move it aside and run 'trialdesk recover' with the recovery key to rebuild it from the database; nothing was changed.</source>
      <translation>{path} mangler datalagerets {fact}: filen er skadet. Flytt den til side og kjør «trialdesk recover» med gjenopprettingsnøkkelen for å gjenskape den fra databasen; ingenting ble endret.</translation>
    </message>
    <message>
      <source>{path} names site {expected} but the database belongs to site {found}: the file was changed or comes from another store. Move it aside and run 'trialdesk recover' with the recovery key to rebuild it from the database; nothing was changed.</source>
      <translation>{path} angir studiested {expected}, men databasen tilhører studiested {found}: filen er endret eller kommer fra et annet datalager. Flytt den til side og kjør «trialdesk recover» med gjenopprettingsnøkkelen for å gjenskape den fra databasen; ingenting ble endret.</translation>
    </message>
    <message>
      <source>Sign-in on this workstation is locked until {until} (UTC): {count} sign-ins failed within {minutes} minutes. Wait until then; if that was not colleagues mistyping, tell IT (someone may be guessing passwords).</source>
      <translation>Innlogging på denne arbeidsstasjonen er sperret til {until} (UTC): {count} innlogginger mislyktes i løpet av {minutes} minutter. Vent til da; hvis det ikke var kolleger som skrev feil, si fra til IT (noen kan prøve å gjette passord).</translation>
    </message>
    <message>
      <source>Enter when the observation ends: the protocol asks for {minutes} minutes of observation after the injection.</source>
      <translation>Før inn når observasjonen slutter: protokollen ber om {minutes} minutters observasjon etter injeksjonen.</translation>
    </message>
    <message>
      <source>{kit} is not a kit number of this trial (the labels read like {example}): scan or type it again from the label.</source>
      <translation>{kit} er ikke et kitnummer i denne studien (etikettene ser ut som {example}): skann eller skriv det på nytt fra etiketten.</translation>
    </message>
    <message>
      <source>Store {store_id} (site {code}) was revoked on {when}: nothing is sent to it.</source>
      <translation>Lager {store_id} (senter {code}) ble tilbakekalt {when}: ingenting sendes til det.</translation>
    </message>
    <message>
      <source>The bundle cannot be decrypted with this workstation's key: it was made for another workstation, or it was altered or damaged on the way.</source>
      <translation>Pakken kan ikke dekrypteres med denne arbeidsstasjonens nøkkel: den ble laget for en annen arbeidsstasjon, eller den ble endret eller skadet underveis.</translation>
    </message>
    <message>
      <source>The bundle has the unknown format version {found}; this TrialDesk reads version {known}.</source>
      <translation>Pakken har den ukjente formatversjonen {found}; denne TrialDesk leser versjon {known}.</translation>
    </message>
    <message>
      <source>The bundle has the unknown format {found}; this TrialDesk reads {known}.</source>
      <translation>Pakken har det ukjente formatet {found}; denne TrialDesk leser {known}.</translation>
    </message>
    <message>
      <source>The bundle has {extra} bytes more than it says it holds: it was altered or damaged.</source>
      <translation>Pakken har {extra} byte mer enn den sier at den inneholder: den er endret eller skadet.</translation>
    </message>
    <message>
      <source>The bundle is addressed to store {store_id}, not to this workstation: it is refused.</source>
      <translation>Pakken er adressert til lager {store_id}, ikke til denne arbeidsstasjonen: den avvises.</translation>
    </message>
    <message>
      <source>The bundle is truncated: it ends within its header. Copy it again.</source>
      <translation>Pakken er avkortet: den slutter inne i hodet sitt. Kopier den på nytt.</translation>
    </message>
    <message>
      <source>The bundle is truncated: {missing} of its {total} bytes are missing. Copy it again.</source>
      <translation>Pakken er avkortet: {missing} av de {total} bytene mangler. Kopier den på nytt.</translation>
    </message>
    <message>
      <source>The bundle's manifest does not match its events (an event is not an audit row): the bundle is refused.</source>
      <translation>Pakkens manifest stemmer ikke med hendelsene (en hendelse er ikke en revisjonsrad): pakken avvises.</translation>
    </message>
    <message>
      <source>The bundle's manifest does not match its events (an event of another site): the bundle is refused.</source>
      <translation>Pakkens manifest stemmer ikke med hendelsene (en hendelse fra et annet senter): pakken avvises.</translation>
    </message>
    <message>
      <source>The bundle's manifest does not match its events (the audit-chain head): the bundle is refused.</source>
      <translation>Pakkens manifest stemmer ikke med hendelsene (toppen av revisjonskjeden): pakken avvises.</translation>
    </message>
    <message>
      <source>The bundle's manifest does not match its events (the counts per record type): the bundle is refused.</source>
      <translation>Pakkens manifest stemmer ikke med hendelsene (antallet per posttype): pakken avvises.</translation>
    </message>
    <message>
      <source>The bundle's manifest does not match its events (the event range): the bundle is refused.</source>
      <translation>Pakkens manifest stemmer ikke med hendelsene (hendelsesintervallet): pakken avvises.</translation>
    </message>
    <message>
      <source>The bundle's manifest does not match its events (the events are not in audit order): the bundle is refused.</source>
      <translation>Pakkens manifest stemmer ikke med hendelsene (hendelsene er ikke i revisjonsrekkefølge): pakken avvises.</translation>
    </message>
    <message>
      <source>The bundle's manifest does not match its events (the events' digest): the bundle is refused.</source>
      <translation>Pakkens manifest stemmer ikke med hendelsene (hendelsenes sjekksum): pakken avvises.</translation>
    </message>
    <message>
      <source>The bundle's manifest does not match its events (the number of events): the bundle is refused.</source>
      <translation>Pakkens manifest stemmer ikke med hendelsene (antallet hendelser): pakken avvises.</translation>
    </message>
    <message>
      <source>The bundle's manifest does not match its events (the participants' digests): the bundle is refused.</source>
      <translation>Pakkens manifest stemmer ikke med hendelsene (deltakernes sjekksummer): pakken avvises.</translation>
    </message>
    <message>
      <source>The bundle's signature is not the signature of store {store_id}: the bundle is refused.</source>
      <translation>Pakkens signatur er ikke signaturen til lager {store_id}: pakken avvises.</translation>
    </message>
    <message>
      <source>This is not a TrialDesk bundle: it does not begin as one.</source>
      <translation>Dette er ikke en TrialDesk-pakke: den begynner ikke som en.</translation>
    </message>
    <message>
      <source>This is not a TrialDesk bundle: its content is not a bundle's.</source>
      <translation>Dette er ikke en TrialDesk-pakke: innholdet er ikke en pakkes.</translation>
    </message>
    <message>
      <source>This is not a TrialDesk bundle: its content is too large or incomplete.</source>
      <translation>Dette er ikke en TrialDesk-pakke: innholdet er for stort eller ufullstendig.</translation>
    </message>
    <message>
      <source>This is not a TrialDesk bundle: its manifest lacks or adds fields.</source>
      <translation>Dette er ikke en TrialDesk-pakke: manifestet mangler felt eller har felt i tillegg.</translation>
    </message>
    <message>
      <source>This is not a TrialDesk bundle: its manifest names no origin.</source>
      <translation>Dette er ikke en TrialDesk-pakke: manifestet oppgir ingen avsender.</translation>
    </message>
    <message>
      <source>Audit row {seq} holds a control character that an XML file cannot carry; the ODM export stopped there. Ask IT to look at that row.</source>
      <translation>Revisjonsrad {seq} inneholder et kontrolltegn som en XML-fil ikke kan inneholde; ODM-eksporten stoppet der. Be IT se på den raden.</translation>
    </message>
    <message>
      <source>A value can be entered for a field conflict only; choose one of the two records.</source>
      <translation>En verdi kan bare skrives inn for en feltkonflikt; velg en av de to postene.</translation>
    </message>
    <message>
      <source>Choose this workstation's value, the other's, or enter the correct one.</source>
      <translation>Velg verdien på denne arbeidsstasjonen, den andres, eller skriv inn den riktige.</translation>
    </message>
    <message>
      <source>Enter the correct value.</source>
      <translation>Skriv inn den riktige verdien.</translation>
    </message>
    <message>
      <source>Give --keep this|other and --reason.</source>
      <translation>Oppgi --keep this|other og --reason.</translation>
    </message>
    <message>
      <source>Give the reason for the decision.</source>
      <translation>Oppgi begrunnelsen for avgjørelsen.</translation>
    </message>
    <message>
      <source>No conflict {ref}: give at least the first 6 characters of its id, as 'trialdesk exchange conflicts' lists it.</source>
      <translation>Ingen konflikt {ref}: oppgi minst de første 6 tegnene i id-en, slik 'trialdesk exchange conflicts' viser den.</translation>
    </message>
    <message>
      <source>The bundle from site {site} does not continue the history this workstation holds of it: its audit row {seq} is not the row received before. Its audit trail was rewritten since; the bundle is refused, nothing was imported, and it is kept as evidence. Tell the trial monitor.</source>
      <translation>Pakken fra sted {site} fortsetter ikke historikken denne arbeidsstasjonen har fra det: revisjonsraden {seq} er ikke raden som ble mottatt før. Revisjonssporet er skrevet om siden; pakken er avvist, ingenting er importert, og den er tatt vare på som bevis. Si fra til monitor.</translation>
    </message>
    <message>
      <source>The bundle from site {site} was made with a newer {what} ({theirs}; this workstation has {ours}): nothing of it was imported. It is kept and listed under held bundles; update TrialDesk here, then receive it again.</source>
      <translation>Pakken fra sted {site} er laget med nyere {what} ({theirs}; denne arbeidsstasjonen har {ours}): ingenting av den er importert. Den er tatt vare på og står blant pakker som venter; oppdater TrialDesk her og motta den på nytt.</translation>
    </message>
    <message>
      <source>The bundle's audit chain does not hold ({what}): the bundle is refused.</source>
      <translation>Pakkens revisjonskjede holder ikke ({what}): pakken er avvist.</translation>
    </message>
    <message>
      <source>The bundle's manifest does not match its events (the changes' bases): the bundle is refused.</source>
      <translation>Pakkens manifest stemmer ikke med hendelsene (grunnlaget for endringene): pakken er avvist.</translation>
    </message>
    <message>
      <source>This conflict was already resolved.</source>
      <translation>Denne konflikten er allerede avgjort.</translation>
    </message>
    <message>
      <source>{folder} is not a folder: choose the exchange folder.</source>
      <translation>{folder} er ikke en mappe: velg utvekslingsmappen.</translation>
    </message>
    <message>
      <source>Cannot create the data folder {folder}: {problem}.</source>
      <translation>Kan ikke opprette datamappen {folder}: {problem}.</translation>
    </message>
    <message>
      <source>Cannot create the data folder {folder}: {problem}. Nothing was changed.</source>
      <translation>Kan ikke opprette datamappen {folder}: {problem}. Ingenting ble endret.</translation>
    </message>
    <message>
      <source>Cannot create the store in {folder}: {problem}. Nothing was left behind; set up again once that is put right.</source>
      <translation>Kan ikke opprette lageret i {folder}: {problem}. Ingenting ble liggende igjen; sett opp på nytt når det er rettet.</translation>
    </message>
    <message>
      <source>Cannot create {folder}: {problem}.</source>
      <translation>Kan ikke opprette {folder}: {problem}.</translation>
    </message>
    <message>
      <source>Cannot restore {path}: {problem}. The store was left as it was.</source>
      <translation>Kan ikke gjenopprette {path}: {problem}. Lageret ble latt være som det var.</translation>
    </message>
    <message>
      <source>Cannot set up the store in {folder}: {problem}.</source>
      <translation>Kan ikke sette opp lageret i {folder}: {problem}.</translation>
    </message>
    <message>
      <source>Cannot write the backup to {path}: {problem}. Nothing was kept of it.</source>
      <translation>Kan ikke skrive sikkerhetskopien til {path}: {problem}. Ingenting av den ble beholdt.</translation>
    </message>
    <message>
      <source>No backup file at {path}; nothing was changed.</source>
      <translation>Ingen sikkerhetskopi i {path}; ingenting ble endret.</translation>
    </message>
    <message>
      <source>The backup {path} is damaged or not a TrialDesk backup; nothing was changed.</source>
      <translation>Sikkerhetskopien {path} er skadet eller ikke en TrialDesk-sikkerhetskopi; ingenting ble endret.</translation>
    </message>
    <message>
      <source>The backup {path} is not a TrialDesk store; nothing was changed.</source>
      <translation>Sikkerhetskopien {path} er ikke et TrialDesk-lager; ingenting ble endret.</translation>
    </message>
    <message>
      <source>The backup {path} was written by a newer TrialDesk (schema {found}; this TrialDesk knows up to {known}). Install the newer TrialDesk to restore it; nothing was changed.</source>
      <translation>Sikkerhetskopien {path} ble skrevet av en nyere TrialDesk (skjema {found}; denne TrialDesk kjenner til og med {known}). Installer den nyere TrialDesk for å gjenopprette den; ingenting ble endret.</translation>
    </message>
    <message>
      <source>The copy of {path} did not verify; nothing was changed.</source>
      <translation>Kopien av {path} besto ikke kontrollen; ingenting ble endret.</translation>
    </message>
    <message>
      <source>The data folder {folder} is a file, not a folder. Choose another data folder (--data-dir); nothing was changed.</source>
      <translation>Datamappen {folder} er en fil, ikke en mappe. Velg en annen datamappe (--data-dir); ingenting ble endret.</translation>
    </message>
    <message>
      <source>The data folder {folder} is a file, not a folder; choose another.</source>
      <translation>Datamappen {folder} er en fil, ikke en mappe; velg en annen.</translation>
    </message>
    <message>
      <source>The disk is full: nothing was saved. What you typed is still on screen; free some space on the disk (or ask IT) and save again.</source>
      <translation>Disken er full: ingenting ble lagret. Det du skrev, står fortsatt på skjermen; frigjør plass på disken (eller spør IT) og lagre på nytt.</translation>
    </message>
    <message>
      <source>The disk reported an error while saving: nothing was saved. What you typed is still on screen; try again, and ask IT to check the disk.</source>
      <translation>Disken meldte en feil under lagringen: ingenting ble lagret. Det du skrev, står fortsatt på skjermen; prøv igjen, og be IT kontrollere disken.</translation>
    </message>
    <message>
      <source>The store cannot be written (permission denied): nothing was saved. What you typed is still on screen; ask IT to check the data folder's permissions.</source>
      <translation>Lageret kan ikke skrives (ingen tilgang): ingenting ble lagret. Det du skrev, står fortsatt på skjermen; be IT kontrollere tilgangene til datamappen.</translation>
    </message>
    <message>
      <source>{path} cannot be read: {problem}. Choose a data folder this user can read, or ask IT; nothing was changed.</source>
      <translation>{path} kan ikke leses: {problem}. Velg en datamappe denne brukeren kan lese, eller spør IT; ingenting ble endret.</translation>
    </message>
    <message>
      <source>Not done: {problem}. Nothing more was changed; what you typed is still on screen.</source>
      <translation>Ikke utført: {problem}. Ingenting mer ble endret; det du skrev, står fortsatt på skjermen.</translation>
    </message>
    <message>
      <source>a file is in the way where a folder belongs</source>
      <translation>en fil står der en mappe skal være</translation>
    </message>
    <message>
      <source>a folder on the way does not exist</source>
      <translation>en mappe på veien finnes ikke</translation>
    </message>
    <message>
      <source>a part of the path is a file, not a folder</source>
      <translation>en del av stien er en fil, ikke en mappe</translation>
    </message>
    <message>
      <source>a part of the path is too long</source>
      <translation>en del av stien er for lang</translation>
    </message>
    <message>
      <source>permission denied</source>
      <translation>ingen tilgang</translation>
    </message>
    <message>
      <source>the disk is full</source>
      <translation>disken er full</translation>
    </message>
    <message>
      <source>the disk is read-only</source>
      <translation>disken er skrivebeskyttet</translation>
    </message>
    <message>
      <source>Choose one of: {codes}.</source>
      <translation>Velg en av: {codes}.</translation>
    </message>
    <message>
      <source>Enter a date as dd.mm.yyyy.</source>
      <translation>Skriv datoen som dd.mm.åååå.</translation>
    </message>
    <message>
      <source>Enter a date between 1900 and 2100.</source>
      <translation>Skriv en dato mellom 1900 og 2100.</translation>
    </message>
    <message>
      <source>Enter a number (decimal comma or point).</source>
      <translation>Skriv et tall (desimalkomma eller -punktum).</translation>
    </message>
    <message>
      <source>Enter yes or no.</source>
      <translation>Skriv ja eller nei.</translation>
    </message>
    <message>
      <source>This field is not entered by hand here: keep one of the two values.</source>
      <translation>Dette feltet skrives ikke inn for hånd her: behold en av de to verdiene.</translation>
    </message>
  </context>
  <context>
    <name>AdministrationForm</name>
    <message>
      <source>&amp;End:</source>
      <translation>A&amp;vsluttet:</translation>
    </message>
    <message>
      <source>&amp;Kit number:</source>
      <translation>&amp;Kitnummer:</translation>
    </message>
    <message>
      <source>&amp;Window reason:</source>
      <translation>Begrunnelse utenfor tids&amp;vindu:</translation>
    </message>
    <message>
      <source>Abdomen left</source>
      <translation type="vanished">Abdomen venstre</translation>
    </message>
    <message>
      <source>Abdomen right</source>
      <translation type="vanished">Abdomen høyre</translation>
    </message>
    <message>
      <source>BP dia</source>
      <translation>BT dia</translation>
    </message>
    <message>
      <source>BP sys</source>
      <translation>BT sys</translation>
    </message>
    <message>
      <source>Injection ended at</source>
      <translation>Injeksjonen avsluttet kl.</translation>
    </message>
    <message>
      <source>Injection site</source>
      <translation>Injeksjonssted</translation>
    </message>
    <message>
      <source>Injection site:</source>
      <translation type="vanished">Injeksjonssted:</translation>
    </message>
    <message>
      <source>Injection site: abdomen left</source>
      <translation type="vanished">Injeksjonssted: abdomen venstre</translation>
    </message>
    <message>
      <source>Injection site: abdomen right</source>
      <translation type="vanished">Injeksjonssted: abdomen høyre</translation>
    </message>
    <message>
      <source>Injection started at</source>
      <translation>Injeksjonen startet kl.</translation>
    </message>
    <message>
      <source>Kit number</source>
      <translation>Kitnummer</translation>
    </message>
    <message>
      <source>Lot number</source>
      <translation>Batchnummer</translation>
    </message>
    <message>
      <source>Lot:</source>
      <translation type="vanished">Batch:</translation>
    </message>
    <message>
      <source>Observation until</source>
      <translation>Observasjon til</translation>
    </message>
    <message>
      <source>Observe until:</source>
      <translation type="vanished">Observer til:</translation>
    </message>
    <message>
      <source>Pulse</source>
      <translation>Puls</translation>
    </message>
    <message>
      <source>Reason for giving the dose outside its window</source>
      <translation>Begrunnelse for å gi dosen utenfor tidsvinduet</translation>
    </message>
    <message>
      <source>Record in&amp;jection</source>
      <translation>Registrer in&amp;jeksjon</translation>
    </message>
    <message>
      <source>Sta&amp;rt:</source>
      <translation>Sta&amp;rt:</translation>
    </message>
    <message>
      <source>Temp °C</source>
      <translation type="vanished">Temp °C</translation>
    </message>
    <message>
      <source>Vitals after:</source>
      <translation>Vitale parametre etter:</translation>
    </message>
    <message>
      <source>Vitals be&amp;fore:</source>
      <translation>Vitale para&amp;metre før:</translation>
    </message>
    <message>
      <source>after</source>
      <translation type="vanished">etter</translation>
    </message>
    <message>
      <source>before</source>
      <translation type="vanished">før</translation>
    </message>
    <message>
      <source>scan the kit label or type it</source>
      <translation>skann kitetiketten eller skriv inn nummeret</translation>
    </message>
    <message>
      <source>why the dose is given outside its window</source>
      <translation>hvorfor dosen gis utenfor tidsvinduet</translation>
    </message>
    <message>
      <source>{what} {when} the injection</source>
      <translation type="vanished">{what} {when} injeksjonen</translation>
    </message>
    <message>
      <source>hh:mm</source>
      <translation>tt:mm</translation>
    </message>
    <message>
      <source>Temp</source>
      <translation>Temp</translation>
    </message>
    <message>
      <source>hh:mm (the protocol asks for {minutes} min)</source>
      <translation>tt:mm (protokollen ber om {minutes} min)</translation>
    </message>
  </context>
  <context>
    <name>AdverseEventDialog</name>
    <message>
      <source>&amp;Aware at:</source>
      <translation>&amp;Kjent kl.:</translation>
    </message>
    <message>
      <source>&amp;Grade:</source>
      <translation>&amp;Grad:</translation>
    </message>
    <message>
      <source>&amp;Onset date:</source>
      <translation>Start&amp;dato:</translation>
    </message>
    <message>
      <source>&amp;Seriousness:</source>
      <translation>&amp;Alvorlighet:</translation>
    </message>
    <message>
      <source>&amp;Verbatim:</source>
      <translation>&amp;Ordrett beskrivelse:</translation>
    </message>
    <message>
      <source>Act&amp;ion with study drug:</source>
      <translation>&amp;Tiltak med studielegemidlet:</translation>
    </message>
    <message>
      <source>Action taken with the study drug</source>
      <translation>Tiltak med studielegemidlet</translation>
    </message>
    <message>
      <source>Adverse event</source>
      <translation>Uønsket hendelse</translation>
    </message>
    <message>
      <source>CTCAE &amp;term:</source>
      <translation>CTCAE-te&amp;rm:</translation>
    </message>
    <message>
      <source>CTCAE grade</source>
      <translation>CTCAE-grad</translation>
    </message>
    <message>
      <source>CTCAE term</source>
      <translation type="vanished">CTCAE-term</translation>
    </message>
    <message>
      <source>Causa&amp;lity:</source>
      <translation>Årsakssamme&amp;nheng:</translation>
    </message>
    <message>
      <source>Causality</source>
      <translation type="vanished">Årsakssammenheng</translation>
    </message>
    <message>
      <source>Change adverse event</source>
      <translation>Endre uønsket hendelse</translation>
    </message>
    <message>
      <source>Choose the term first: the grades and their texts follow it.</source>
      <translation>Velg term først: gradene og beskrivelsene deres følger av termen.</translation>
    </message>
    <message>
      <source>E&amp;nd date:</source>
      <translation>S&amp;luttdato:</translation>
    </message>
    <message>
      <source>End date</source>
      <translation>Sluttdato</translation>
    </message>
    <message>
      <source>O&amp;utcome:</source>
      <translation>&amp;Utfall:</translation>
    </message>
    <message>
      <source>Onset date</source>
      <translation>Startdato</translation>
    </message>
    <message>
      <source>Other term, specify</source>
      <translation>Annen term, spesifiser</translation>
    </message>
    <message>
      <source>Other, s&amp;pecify:</source>
      <translation>Annet, s&amp;pesifiser:</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation type="vanished">Utfall</translation>
    </message>
    <message>
      <source>Serious</source>
      <translation type="vanished">Alvorlig</translation>
    </message>
    <message>
      <source>Serious (SAE)</source>
      <translation>Alvorlig (AUH)</translation>
    </message>
    <message>
      <source>Serious adverse event</source>
      <translation>Alvorlig uønsket hendelse</translation>
    </message>
    <message>
      <source>Seriousness criterion: {text}</source>
      <translation type="vanished">Alvorlighetskriterium: {text}</translation>
    </message>
    <message>
      <source>Time the site became aware of the serious event</source>
      <translation>Tidspunkt da studiestedet fikk kjennskap til den alvorlige hendelsen</translation>
    </message>
    <message>
      <source>Verbatim term</source>
      <translation>Ordrett beskrivelse</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
    <message>
      <source>hh:mm (empty: now)</source>
      <translation>tt:mm (tom: nå)</translation>
    </message>
    <message>
      <source>in the participant's words</source>
      <translation>med deltakerens egne ord</translation>
    </message>
    <message>
      <source>type to search, e.g. inj, fatigue, other</source>
      <translation>skriv for å søke (engelske CTCAE-termer), f.eks. inj, fatigue, other</translation>
    </message>
    <message>
      <source>{g} — not defined for this term</source>
      <translation>{g} — ikke definert for denne termen</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— velg —</translation>
    </message>
    <message>
      <source>empty = ongoing</source>
      <translation>tom = pågår</translation>
    </message>
    <message>
      <source>congenital anomaly / birth defect</source>
      <translation>medfødt anomali / fødselsskade</translation>
    </message>
    <message>
      <source>important medical event</source>
      <translation>viktig medisinsk hendelse</translation>
    </message>
    <message>
      <source>life-threatening</source>
      <translation>livstruende</translation>
    </message>
    <message>
      <source>persistent disability</source>
      <translation>varig uførhet</translation>
    </message>
    <message>
      <source>requires or prolongs hospitalisation</source>
      <translation>krever eller forlenger sykehusinnleggelse</translation>
    </message>
    <message>
      <source>results in death</source>
      <translation>fører til død</translation>
    </message>
    <message>
      <source>Grade {grade}: {text}</source>
      <translation>Grad {grade}: {text}</translation>
    </message>
  </context>
  <context>
    <name>AdverseEventLogWidget</name>
    <message>
      <source>Adverse events</source>
      <translation>Uønskede hendelser</translation>
    </message>
    <message>
      <source>Chan&amp;ge…</source>
      <translation>&amp;Endre…</translation>
    </message>
    <message>
      <source>Mark SAE &amp;reported</source>
      <translation>Merk AUH som &amp;rapportert</translation>
    </message>
    <message>
      <source>Ne&amp;w adverse event…</source>
      <translation type="vanished">N&amp;y uønsket hendelse…</translation>
    </message>
    <message>
      <source>{n} adverse events; {s} serious event(s) not yet reported.</source>
      <translation type="vanished">{n} uønskede hendelser; {s} alvorlig(e) hendelse(r) er ikke rapportert ennå.</translation>
    </message>
    <message numerus="yes">
      <source>%n adverse event(s)</source>
      <translation>
        <numerusform>%n uønsket hendelse</numerusform>
        <numerusform>%n uønskede hendelser</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n serious event(s) not yet reported.</source>
      <translation>
        <numerusform>%n alvorlig hendelse er ikke rapportert ennå.</numerusform>
        <numerusform>%n alvorlige hendelser er ikke rapportert ennå.</numerusform>
      </translation>
    </message>
    <message>
      <source>New adverse &amp;event…</source>
      <translation>N&amp;y uønsket hendelse…</translation>
    </message>
  </context>
  <context>
    <name>DoseVisitWidget</name>
    <message>
      <source>&amp;Dose:</source>
      <translation>&amp;Dose:</translation>
    </message>
    <message>
      <source>Dose visit</source>
      <translation>Dosebesøk</translation>
    </message>
    <message>
      <source>Some pre-dose checks saved.</source>
      <translation>Noen av kontrollene før dosering er lagret.</translation>
    </message>
    <message>
      <source>{study_id} · target {target} · window {start} – {end} · </source>
      <translation>{study_id} · måldato {target} · tidsvindu {start} – {end} · </translation>
    </message>
    <message>
      <source>{study_id}: not enrolled — no dose visits yet.</source>
      <translation>{study_id}: ikke inkludert — ingen dosebesøk ennå.</translation>
    </message>
    <message>
      <source>Alert card issued on</source>
      <translation>Pasientkort utlevert den</translation>
    </message>
    <message>
      <source>Pregnancy test today</source>
      <translation>Graviditetstest i dag</translation>
    </message>
    <message>
      <source>Type and screen date</source>
      <translation>Dato for blodtype og antistoffscreening</translation>
    </message>
    <message>
      <source>&amp;Pregnancy test today:</source>
      <translation type="vanished">&amp;Graviditetstest i dag:</translation>
    </message>
    <message>
      <source>1 · Pre-dose blood results</source>
      <translation type="vanished">1 · Blodprøvesvar før dosering</translation>
    </message>
    <message>
      <source>2 · Before the dose</source>
      <translation type="vanished">2 · Før dosering</translation>
    </message>
    <message>
      <source>3 · Injection</source>
      <translation type="vanished">3 · Injeksjon</translation>
    </message>
    <message>
      <source>A saved pre-dose value is being changed. Say why; the reason is kept in the audit trail.</source>
      <translation type="vanished">En lagret verdi fra kontrollen før dosering endres. Oppgi begrunnelse; den lagres i revisjonssporet.</translation>
    </message>
    <message>
      <source>Alert &amp;card given:</source>
      <translation type="vanished">&amp;Pasientkort utlevert:</translation>
    </message>
    <message>
      <source>Blood results saved ({n}).</source>
      <translation type="vanished">Blodprøvesvar lagret ({n}).</translation>
    </message>
    <message>
      <source>Correct selected res&amp;ult…</source>
      <translation type="vanished">Korrig&amp;er valgt svar…</translation>
    </message>
    <message>
      <source>Dose not given…</source>
      <translation type="vanished">Dose ikke gitt…</translation>
    </message>
    <message>
      <source>Given {at} · kit {kit} (verdict then: {verdict}).</source>
      <translation type="vanished">Gitt {at} · kit {kit} (vurdering da: {verdict}).</translation>
    </message>
    <message>
      <source>History of {symbol}: </source>
      <translation type="vanished">Historikk for {symbol}: </translation>
    </message>
    <message>
      <source>Lo&amp;g adverse event at this visit…</source>
      <translation type="vanished">Registrer uønsket hendelse fr&amp;a dette besøket…</translation>
    </message>
    <message>
      <source>NO-GO for {code}: {problems}

Why is the dose given anyway?</source>
      <translation type="vanished">NO-GO for {code}: {problems}

Hvorfor gis dosen likevel?</translation>
    </message>
    <message>
      <source>NO-GO: a nurse cannot record this dose. Resolve the ✗ reasons, or ask the investigator, who can override with a signed reason.</source>
      <translation type="vanished">NO-GO: studiesykepleier kan ikke registrere denne dosen. Løs årsakene merket ✗, eller spør utprøveren, som kan overstyre med en signert begrunnelse.</translation>
    </message>
    <message>
      <source>NO-GO: only with your signed override and reason.</source>
      <translation type="vanished">NO-GO: bare med din signerte overstyring og begrunnelse.</translation>
    </message>
    <message>
      <source>Not enrolled.</source>
      <translation type="vanished">Ikke inkludert.</translation>
    </message>
    <message>
      <source>Not required for this participant.</source>
      <translation type="vanished">Ikke nødvendig for denne deltakeren.</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation type="vanished">Ikke lagret</translation>
    </message>
    <message>
      <source>Nothing new to save.</source>
      <translation type="vanished">Ingenting nytt å lagre.</translation>
    </message>
    <message>
      <source>Override NO-GO and record…</source>
      <translation type="vanished">Overstyr NO-GO og registrer…</translation>
    </message>
    <message>
      <source>Pre-dose checks saved.</source>
      <translation type="vanished">Kontrollene før dosering er lagret.</translation>
    </message>
    <message>
      <source>Result corrected.</source>
      <translation type="vanished">Svaret er korrigert.</translation>
    </message>
    <message>
      <source>Sa&amp;ve pre-dose checks</source>
      <translation type="vanished">Lagre kontroller &amp;før dosering</translation>
    </message>
    <message>
      <source>Save &amp;blood results…</source>
      <translation type="vanished">Lagre &amp;blodprøvesvar…</translation>
    </message>
    <message>
      <source>Saved blood results of this visit</source>
      <translation type="vanished">Lagrede blodprøvesvar fra dette besøket</translation>
    </message>
    <message>
      <source>Saved results of this visit:</source>
      <translation type="vanished">Lagrede svar fra dette besøket:</translation>
    </message>
    <message>
      <source>Select a saved result to correct.</source>
      <translation type="vanished">Velg et lagret svar som skal korrigeres.</translation>
    </message>
    <message>
      <source>T&amp;ype &amp;&amp; screen:</source>
      <translation type="vanished">Blodt&amp;ype &amp;&amp; antistoffscreening:</translation>
    </message>
    <message>
      <source>The participant is not enrolled: no dose can be given.</source>
      <translation type="vanished">Deltakeren er ikke inkludert: ingen dose kan gis.</translation>
    </message>
    <message>
      <source>Your role cannot record injections.</source>
      <translation type="vanished">Rollen din kan ikke registrere injeksjoner.</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation type="vanished">dd.mm.åååå</translation>
    </message>
    <message>
      <source>negative</source>
      <translation type="vanished">negativ</translation>
    </message>
    <message>
      <source>positive</source>
      <translation type="vanished">positiv</translation>
    </message>
    <message>
      <source>{at} {who}: {old} → {new} — {reason}</source>
      <translation type="vanished">{at} {who}: {old} → {new} — {reason}</translation>
    </message>
    <message>
      <source>{code} recorded as not given.</source>
      <translation type="vanished">{code} er registrert som ikke gitt.</translation>
    </message>
    <message>
      <source>{code} recorded.</source>
      <translation type="vanished">{code} er registrert.</translation>
    </message>
    <message>
      <source>{code} will be recorded as NOT GIVEN. Say why.</source>
      <translation type="vanished">{code} blir registrert som IKKE GITT. Oppgi begrunnelse.</translation>
    </message>
    <message>
      <source>{code}: {problems}. Reason: {reason}</source>
      <translation type="vanished">{code}: {problems}. Begrunnelse: {reason}</translation>
    </message>
    <message>
      <source>{drug} given at</source>
      <translation type="vanished">{drug} gitt kl.</translation>
    </message>
    <message>
      <source>{drug} given at:</source>
      <translation type="vanished">{drug} gitt kl.:</translation>
    </message>
    <message>
      <source>{symbol}: not changed since entered.</source>
      <translation type="vanished">{symbol}: ikke endret siden registrering.</translation>
    </message>
    <message>
      <source>— not done —</source>
      <translation type="vanished">— ikke utført —</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation type="vanished">(tom)</translation>
    </message>
    <message>
      <source>BP dia after</source>
      <translation type="vanished">BT dia etter</translation>
    </message>
    <message>
      <source>BP dia before</source>
      <translation type="vanished">BT dia før</translation>
    </message>
    <message>
      <source>BP sys after</source>
      <translation type="vanished">BT sys etter</translation>
    </message>
    <message>
      <source>BP sys before</source>
      <translation type="vanished">BT sys før</translation>
    </message>
    <message>
      <source>Correct injection record…</source>
      <translation type="vanished">Korriger injeksjonsregistreringen…</translation>
    </message>
    <message>
      <source>Cancel correction</source>
      <translation type="vanished">Avbryt korrigering</translation>
    </message>
    <message>
      <source>Changed: {changes}</source>
      <translation type="vanished">Endret: {changes}</translation>
    </message>
    <message>
      <source>Correcting the saved injection record: change what was wrong, then save with the reason.</source>
      <translation type="vanished">Korrigerer den lagrede injeksjonsregistreringen: endre det som var feil, og lagre med begrunnelse.</translation>
    </message>
    <message>
      <source>Corrections of the injection record</source>
      <translation type="vanished">Korrigeringer av injeksjonsregistreringen</translation>
    </message>
    <message>
      <source>Save in&amp;jection correction…</source>
      <translation type="vanished">Lagre in&amp;jeksjonskorrigering…</translation>
    </message>
    <message>
      <source>The injection record of {code} is being corrected. Say why; the old and new values and the reason are kept in the audit trail.</source>
      <translation type="vanished">Injeksjonsregistreringen for {code} korrigeres. Oppgi hvorfor; gamle og nye verdier og begrunnelsen lagres i revisjonssporet.</translation>
    </message>
    <message>
      <source>abdomen left</source>
      <translation type="vanished">abdomen venstre</translation>
    </message>
    <message>
      <source>abdomen right</source>
      <translation type="vanished">abdomen høyre</translation>
    </message>
    <message>
      <source>end</source>
      <translation type="vanished">slutt</translation>
    </message>
    <message>
      <source>injection site</source>
      <translation type="vanished">injeksjonssted</translation>
    </message>
    <message>
      <source>kit number</source>
      <translation type="vanished">kitnummer</translation>
    </message>
    <message>
      <source>lot</source>
      <translation type="vanished">batch</translation>
    </message>
    <message>
      <source>observe until</source>
      <translation type="vanished">observer til</translation>
    </message>
    <message>
      <source>pulse after</source>
      <translation type="vanished">puls etter</translation>
    </message>
    <message>
      <source>pulse before</source>
      <translation type="vanished">puls før</translation>
    </message>
    <message>
      <source>start</source>
      <translation type="vanished">start</translation>
    </message>
    <message>
      <source>temp after</source>
      <translation type="vanished">temp etter</translation>
    </message>
    <message>
      <source>temp before</source>
      <translation type="vanished">temp før</translation>
    </message>
    <message>
      <source>{at} {who}: {field} {old} → {new} — {reason}</source>
      <translation type="vanished">{at} {who}: {field} {old} → {new} — {reason}</translation>
    </message>
    <message>
      <source>{code}: injection record corrected ({n} fields).</source>
      <translation type="vanished">{code}: injeksjonsregistreringen korrigert ({n} felt).</translation>
    </message>
    <message>
      <source>✎ Injection record changed: </source>
      <translation type="vanished">✎ Injeksjonsregistreringen endret: </translation>
    </message>
    <message>
      <source>NO-GO overridden by the investigator: {reason}</source>
      <translation type="vanished">NO-GO overstyrt av utprøver: {reason}</translation>
    </message>
    <message>
      <source>Outside the window because: {reason}</source>
      <translation type="vanished">Utenfor tidsvinduet fordi: {reason}</translation>
    </message>
    <message>
      <source>Corrections of the pre-dose checks</source>
      <translation type="vanished">Korrigeringer av kontrollene før dosering</translation>
    </message>
    <message>
      <source>alert card</source>
      <translation type="vanished">pasientkort</translation>
    </message>
    <message>
      <source>pregnancy test</source>
      <translation type="vanished">graviditetstest</translation>
    </message>
    <message>
      <source>type and screen</source>
      <translation type="vanished">blodtype og antistoffscreening</translation>
    </message>
    <message>
      <source>✎ Changed: </source>
      <translation type="vanished">✎ Endret: </translation>
    </message>
    <message>
      <source>{at} {who}: sample time {old} → {new} — {reason}</source>
      <translation type="vanished">{at} {who}: prøvetakingstidspunkt {old} → {new} — {reason}</translation>
    </message>
    <message>
      <source>Given {at} by {who} · kit {kit} (verdict then: {verdict}).</source>
      <translation type="vanished">Gitt {at} av {who} · kit {kit} (vurdering da: {verdict}).</translation>
    </message>
    <message>
      <source>Undo “not given”…</source>
      <translation type="vanished">Angre «ikke gitt»…</translation>
    </message>
    <message>
      <source>{code} is open again.</source>
      <translation type="vanished">{code} er åpen igjen.</translation>
    </message>
    <message>
      <source>{code} is recorded as NOT GIVEN. Open it again? Say why it was recorded by mistake.</source>
      <translation type="vanished">{code} er registrert som IKKE GITT. Åpne den igjen? Oppgi hvorfor den ble registrert ved en feil.</translation>
    </message>
    <message>
      <source>{status}: no further doses are given.</source>
      <translation type="vanished">{status}: ingen flere doser gis.</translation>
    </message>
    <message>
      <source>Why no more doses</source>
      <translation>Hvorfor ingen flere doser</translation>
    </message>
    <message>
      <source>Adverse events</source>
      <translation>Uønskede hendelser</translation>
    </message>
    <message>
      <source>Blood results</source>
      <translation>Blodprøvesvar</translation>
    </message>
    <message>
      <source>Pre-dose checks</source>
      <translation>Kontroller før dosering</translation>
    </message>
  </context>
  <context>
    <name>BloodResultsSection</name>
    <message>
      <source>1 · Pre-dose blood results</source>
      <translation>1 · Blodprøvesvar før dosering</translation>
    </message>
    <message>
      <source>Blood results saved ({n}).</source>
      <translation type="vanished">Blodprøvesvar lagret ({n}).</translation>
    </message>
    <message>
      <source>Correct selected res&amp;ult…</source>
      <translation>Korrig&amp;er valgt svar…</translation>
    </message>
    <message>
      <source>History of {symbol}: </source>
      <translation>Historikk for {symbol}: </translation>
    </message>
    <message>
      <source>Result corrected.</source>
      <translation>Svaret er korrigert.</translation>
    </message>
    <message>
      <source>Save &amp;blood results…</source>
      <translation>Lagre &amp;blodprøvesvar…</translation>
    </message>
    <message>
      <source>Saved blood results of this visit</source>
      <translation>Lagrede blodprøvesvar fra dette besøket</translation>
    </message>
    <message>
      <source>Saved results of this visit:</source>
      <translation>Lagrede svar fra dette besøket:</translation>
    </message>
    <message>
      <source>Select a saved result to correct.</source>
      <translation>Velg et lagret svar som skal korrigeres.</translation>
    </message>
    <message>
      <source>{at} {who}: sample time {old} → {new} — {reason}</source>
      <translation>{at} {who}: prøvetakingstidspunkt {old} → {new} — {reason}</translation>
    </message>
    <message>
      <source>{at} {who}: {old} → {new} — {reason}</source>
      <translation>{at} {who}: {old} → {new} — {reason}</translation>
    </message>
    <message>
      <source>{symbol}: not changed since entered.</source>
      <translation>{symbol}: ikke endret siden registrering.</translation>
    </message>
    <message numerus="yes">
      <source>%n result(s)</source>
      <translation>
        <numerusform>%n svar</numerusform>
        <numerusform>%n svar</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Blood results saved (%n).</source>
      <translation>
        <numerusform>Blodprøvesvar lagret (%n).</numerusform>
        <numerusform>Blodprøvesvar lagret (%n).</numerusform>
      </translation>
    </message>
    <message>
      <source>{symbol} corrected</source>
      <translation>{symbol} rettet</translation>
    </message>
  </context>
  <context>
    <name>PreDoseSection</name>
    <message>
      <source>&amp;Pregnancy test today:</source>
      <translation>&amp;Graviditetstest i dag:</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation type="vanished">(tom)</translation>
    </message>
    <message>
      <source>2 · Before the dose</source>
      <translation>2 · Før dosering</translation>
    </message>
    <message>
      <source>A saved pre-dose value is being changed. Say why; the reason is kept in the audit trail.</source>
      <translation>En lagret verdi fra kontrollen før dosering endres. Oppgi begrunnelse; den lagres i revisjonssporet.</translation>
    </message>
    <message>
      <source>Alert &amp;card given:</source>
      <translation>&amp;Pasientkort utlevert:</translation>
    </message>
    <message>
      <source>Alert card issued on</source>
      <translation>Pasientkort utlevert den</translation>
    </message>
    <message>
      <source>Corrections of the pre-dose checks</source>
      <translation>Korrigeringer av kontrollene før dosering</translation>
    </message>
    <message>
      <source>Not required for this participant.</source>
      <translation>Ikke nødvendig for denne deltakeren.</translation>
    </message>
    <message>
      <source>Nothing new to save.</source>
      <translation>Ingenting nytt å lagre.</translation>
    </message>
    <message>
      <source>Pre-dose checks saved.</source>
      <translation>Kontrollene før dosering er lagret.</translation>
    </message>
    <message>
      <source>Pregnancy test today</source>
      <translation>Graviditetstest i dag</translation>
    </message>
    <message>
      <source>Sa&amp;ve pre-dose checks</source>
      <translation>Lagre kontroller &amp;før dosering</translation>
    </message>
    <message>
      <source>T&amp;ype &amp;&amp; screen:</source>
      <translation>Blodt&amp;ype &amp;&amp; antistoffscreening:</translation>
    </message>
    <message>
      <source>Type and screen date</source>
      <translation>Dato for blodtype og antistoffscreening</translation>
    </message>
    <message>
      <source>alert card</source>
      <translation type="vanished">pasientkort</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
    <message>
      <source>negative</source>
      <translation type="vanished">negativ</translation>
    </message>
    <message>
      <source>positive</source>
      <translation type="vanished">positiv</translation>
    </message>
    <message>
      <source>pregnancy test</source>
      <translation type="vanished">graviditetstest</translation>
    </message>
    <message>
      <source>type and screen</source>
      <translation type="vanished">blodtype og antistoffscreening</translation>
    </message>
    <message>
      <source>{drug} given at</source>
      <translation>{drug} gitt kl.</translation>
    </message>
    <message>
      <source>{drug} given at:</source>
      <translation>{drug} gitt kl.:</translation>
    </message>
    <message>
      <source>— not done —</source>
      <translation>— ikke utført —</translation>
    </message>
    <message>
      <source>✎ Changed: </source>
      <translation>✎ Endret: </translation>
    </message>
    <message numerus="yes">
      <source>%n check(s)</source>
      <translation>
        <numerusform>%n kontroll</numerusform>
        <numerusform>%n kontroller</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n check(s) of them; see the error</source>
      <translation>
        <numerusform>%n kontroll av dem; se feilen</numerusform>
        <numerusform>%n kontroller av dem; se feilen</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InjectionSection</name>
    <message>
      <source>(empty)</source>
      <translation type="vanished">(tom)</translation>
    </message>
    <message>
      <source>3 · Injection</source>
      <translation>3 · Injeksjon</translation>
    </message>
    <message>
      <source>BP dia after</source>
      <translation type="vanished">BT dia etter</translation>
    </message>
    <message>
      <source>BP dia before</source>
      <translation type="vanished">BT dia før</translation>
    </message>
    <message>
      <source>BP sys after</source>
      <translation type="vanished">BT sys etter</translation>
    </message>
    <message>
      <source>BP sys before</source>
      <translation type="vanished">BT sys før</translation>
    </message>
    <message>
      <source>Cancel correction</source>
      <translation>Avbryt korrigering</translation>
    </message>
    <message>
      <source>Correct injection record…</source>
      <translation>Korriger injeksjonsregistreringen…</translation>
    </message>
    <message>
      <source>Correcting the saved injection record: change what was wrong, then save with the reason.</source>
      <translation>Korrigerer den lagrede injeksjonsregistreringen: endre det som var feil, og lagre med begrunnelse.</translation>
    </message>
    <message>
      <source>Corrections of the injection record</source>
      <translation>Korrigeringer av injeksjonsregistreringen</translation>
    </message>
    <message>
      <source>Dose not given…</source>
      <translation>Dose ikke gitt…</translation>
    </message>
    <message>
      <source>Lo&amp;g adverse event at this visit…</source>
      <translation type="vanished">Registrer uønsket hendelse fr&amp;a dette besøket…</translation>
    </message>
    <message>
      <source>NO-GO for {code}: {problems}

Why is the dose given anyway?</source>
      <translation>NO-GO for {code}: {problems}

Hvorfor gis dosen likevel?</translation>
    </message>
    <message>
      <source>NO-GO: a nurse cannot record this dose. Resolve the ✗ reasons, or ask the investigator, who can override with a signed reason.</source>
      <translation>NO-GO: studiesykepleier kan ikke registrere denne dosen. Løs årsakene merket ✗, eller spør utprøveren, som kan overstyre med en signert begrunnelse.</translation>
    </message>
    <message>
      <source>NO-GO: only with your signed override and reason.</source>
      <translation>NO-GO: bare med din signerte overstyring og begrunnelse.</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>Ikke lagret</translation>
    </message>
    <message>
      <source>Override NO-GO and record…</source>
      <translation>Overstyr NO-GO og registrer…</translation>
    </message>
    <message>
      <source>Save in&amp;jection correction…</source>
      <translation>Lagre in&amp;jeksjonskorrigering…</translation>
    </message>
    <message>
      <source>The injection record of {code} is being corrected. Say why; the old and new values and the reason are kept in the audit trail.</source>
      <translation>Injeksjonsregistreringen for {code} korrigeres. Oppgi hvorfor; gamle og nye verdier og begrunnelsen lagres i revisjonssporet.</translation>
    </message>
    <message>
      <source>Undo “not given”…</source>
      <translation>Angre «ikke gitt»…</translation>
    </message>
    <message>
      <source>Your role cannot record injections.</source>
      <translation>Rollen din kan ikke registrere injeksjoner.</translation>
    </message>
    <message>
      <source>abdomen left</source>
      <translation type="vanished">abdomen venstre</translation>
    </message>
    <message>
      <source>abdomen right</source>
      <translation type="vanished">abdomen høyre</translation>
    </message>
    <message>
      <source>end</source>
      <translation type="vanished">slutt</translation>
    </message>
    <message>
      <source>injection site</source>
      <translation type="vanished">injeksjonssted</translation>
    </message>
    <message>
      <source>kit number</source>
      <translation type="vanished">kitnummer</translation>
    </message>
    <message>
      <source>lot</source>
      <translation type="vanished">batch</translation>
    </message>
    <message>
      <source>observe until</source>
      <translation type="vanished">observer til</translation>
    </message>
    <message>
      <source>pulse after</source>
      <translation type="vanished">puls etter</translation>
    </message>
    <message>
      <source>pulse before</source>
      <translation type="vanished">puls før</translation>
    </message>
    <message>
      <source>start</source>
      <translation type="vanished">start</translation>
    </message>
    <message>
      <source>temp after</source>
      <translation type="vanished">temp etter</translation>
    </message>
    <message>
      <source>temp before</source>
      <translation type="vanished">temp før</translation>
    </message>
    <message>
      <source>{code} is open again.</source>
      <translation>{code} er åpen igjen.</translation>
    </message>
    <message>
      <source>{code} is recorded as NOT GIVEN. Open it again? Say why it was recorded by mistake.</source>
      <translation>{code} er registrert som IKKE GITT. Åpne den igjen? Oppgi hvorfor den ble registrert ved en feil.</translation>
    </message>
    <message>
      <source>{code} recorded as not given.</source>
      <translation>{code} er registrert som ikke gitt.</translation>
    </message>
    <message>
      <source>{code} recorded.</source>
      <translation>{code} er registrert.</translation>
    </message>
    <message>
      <source>{code} will be recorded as NOT GIVEN. Say why.</source>
      <translation>{code} blir registrert som IKKE GITT. Oppgi begrunnelse.</translation>
    </message>
    <message>
      <source>{code}: injection record corrected ({n} fields).</source>
      <translation type="vanished">{code}: injeksjonsregistreringen korrigert ({n} felt).</translation>
    </message>
    <message>
      <source>{code}: {problems}. Reason: {reason}</source>
      <translation>{code}: {problems}. Begrunnelse: {reason}</translation>
    </message>
    <message>
      <source>✎ Injection record changed: </source>
      <translation>✎ Injeksjonsregistreringen endret: </translation>
    </message>
    <message numerus="yes">
      <source>correction of %n field(s)</source>
      <translation>
        <numerusform>retting av %n felt</numerusform>
        <numerusform>retting av %n felt</numerusform>
      </translation>
    </message>
    <message>
      <source>{code} given</source>
      <translation>{code} gitt</translation>
    </message>
    <message numerus="yes">
      <source>{code}: injection record corrected (%n field(s)).</source>
      <translation>
        <numerusform>{code}: injeksjonsregistreringen rettet (%n felt).</numerusform>
        <numerusform>{code}: injeksjonsregistreringen rettet (%n felt).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>GoNoGoSection</name>
    <message>
      <source>Given {at} by {who} · kit {kit} (verdict then: {verdict}).</source>
      <translation>Gitt {at} av {who} · kit {kit} (vurdering da: {verdict}).</translation>
    </message>
    <message>
      <source>NO-GO overridden by the investigator: {reason}</source>
      <translation>NO-GO overstyrt av utprøver: {reason}</translation>
    </message>
    <message>
      <source>Outside the window because: {reason}</source>
      <translation>Utenfor tidsvinduet fordi: {reason}</translation>
    </message>
    <message>
      <source>The participant is not enrolled: no dose can be given.</source>
      <translation>Deltakeren er ikke inkludert: ingen dose kan gis.</translation>
    </message>
    <message>
      <source>{status}: no further doses are given.</source>
      <translation>{status}: ingen flere doser gis.</translation>
    </message>
    <message>
      <source>Checked at the injection start entered: {at}.</source>
      <translation>Kontrollert ved injeksjonsstart som er ført inn: {at}.</translation>
    </message>
  </context>
  <context>
    <name>DoseVisitSection</name>
    <message>
      <source>Changed: {changes}</source>
      <translation>Endret: {changes}</translation>
    </message>
    <message>
      <source>{at} {who}: {field} {old} → {new} — {reason}</source>
      <translation>{at} {who}: {field} {old} → {new} — {reason}</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(tom)</translation>
    </message>
  </context>
  <context>
    <name>GoNoGoPanel</name>
    <message>
      <source>! GO WITH REASON — outside the window</source>
      <translation>! GO MED BEGRUNNELSE — utenfor tidsvinduet</translation>
    </message>
    <message>
      <source>Go / no-go reasons</source>
      <translation>Årsaker til GO / NO-GO</translation>
    </message>
    <message>
      <source>Go / no-go verdict</source>
      <translation>GO / NO-GO-vurdering</translation>
    </message>
    <message>
      <source>– no verdict</source>
      <translation>– ingen vurdering</translation>
    </message>
    <message>
      <source>✓ GO</source>
      <translation>✓ GO</translation>
    </message>
    <message>
      <source>✗ NO-GO</source>
      <translation>✗ NO-GO</translation>
    </message>
    <message>
      <source>✓ DOSE GIVEN</source>
      <translation>✓ DOSE GITT</translation>
    </message>
  </context>
  <context>
    <name>LabCorrectionDialog</name>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Begrunnelse:</translation>
    </message>
    <message>
      <source>&amp;Value:</source>
      <translation>&amp;Verdi:</translation>
    </message>
    <message>
      <source>(masked for your role)</source>
      <translation>(skjult for din rolle)</translation>
    </message>
    <message>
      <source>Correct {symbol}</source>
      <translation>Korriger {symbol}</translation>
    </message>
    <message>
      <source>Corrected value</source>
      <translation>Korrigert verdi</translation>
    </message>
    <message>
      <source>Reason for change</source>
      <translation>Begrunnelse for endring</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Enhet</translation>
    </message>
    <message>
      <source>{symbol} sampled {at}: saved value {value}. Enter the value from the lab report.</source>
      <translation type="vanished">{symbol} tatt {at}: lagret verdi {value}. Skriv inn verdien fra laboratoriesvaret.</translation>
    </message>
    <message>
      <source>&amp;Sampled at:</source>
      <translation>&amp;Prøvetatt:</translation>
    </message>
    <message>
      <source>Sample taken at (the whole sample)</source>
      <translation>Prøvetakingstidspunkt (hele prøven)</translation>
    </message>
    <message>
      <source>empty: keep the saved value</source>
      <translation>tom: behold den lagrede verdien</translation>
    </message>
    <message>
      <source>{symbol} sampled {at}: saved value {value}. Correct what differs from the lab report.</source>
      <translation>{symbol} prøvetatt {at}: lagret verdi {value}. Korriger det som avviker fra laboratoriesvaret.</translation>
    </message>
  </context>
  <context>
    <name>LabEntryWidget</name>
    <message>
      <source>* read back from the lab report before saving. Decimal comma or point.</source>
      <translation>* les tilbake fra laboratoriesvaret før lagring. Desimalkomma eller -punktum.</translation>
    </message>
    <message>
      <source>CTCAE grade {g} suggested</source>
      <translation>Forslag: CTCAE-grad {g}</translation>
    </message>
    <message>
      <source>H (above reference)</source>
      <translation type="vanished">H (over referanseområdet)</translation>
    </message>
    <message>
      <source>L (below reference)</source>
      <translation type="vanished">L (under referanseområdet)</translation>
    </message>
    <message>
      <source>Sa&amp;mple taken:</source>
      <translation>Pr&amp;øvetakingstidspunkt:</translation>
    </message>
    <message>
      <source>Sample taken at</source>
      <translation>Prøvetakingstidspunkt</translation>
    </message>
    <message>
      <source>plausible · {safety}</source>
      <translation>plausibel · {safety}</translation>
    </message>
    <message>
      <source>within reference</source>
      <translation>innenfor referanseområdet</translation>
    </message>
    <message>
      <source>hh:mm (n = now)</source>
      <translation>tt:mm (n = nå)</translation>
    </message>
    <message>
      <source>value</source>
      <translation>verdi</translation>
    </message>
    <message>
      <source>{symbol} result</source>
      <translation>Svar for {symbol}</translation>
    </message>
    <message>
      <source>{symbol} unit</source>
      <translation>Enhet for {symbol}</translation>
    </message>
    <message>
      <source>{symbol} value</source>
      <translation>Verdi for {symbol}</translation>
    </message>
  </context>
  <context>
    <name>LabTrendWidget</name>
    <message>
      <source> — {n} masked value(s) not plotted (blinded role)</source>
      <translation type="vanished"> — {n} skjult(e) verdi(er) er ikke vist (blindet rolle)</translation>
    </message>
    <message>
      <source>Anal&amp;yte:</source>
      <translation>Anal&amp;ytt:</translation>
    </message>
    <message>
      <source>Analyte shown in the chart</source>
      <translation>Analytt som vises i diagrammet</translation>
    </message>
    <message>
      <source>Eligibility limit {v} {unit}</source>
      <translation>Kvalifiseringsgrense {v} {unit}</translation>
    </message>
    <message>
      <source>Lab trend chart</source>
      <translation>Trenddiagram for laboratorieverdier</translation>
    </message>
    <message>
      <source>No results of this analyte yet.</source>
      <translation>Ingen svar for denne analytten ennå.</translation>
    </message>
    <message>
      <source>Reference high</source>
      <translation>Øvre referansegrense</translation>
    </message>
    <message>
      <source>Reference low</source>
      <translation>Nedre referansegrense</translation>
    </message>
    <message>
      <source>Safety limit {v} {unit}</source>
      <translation>Sikkerhetsgrense {v} {unit}</translation>
    </message>
    <message>
      <source>{name} across samples</source>
      <translation>{name} over tid</translation>
    </message>
    <message>
      <source>{n} result(s) after the first dose are masked for your role and are not plotted; their safety check is shown with the visit.</source>
      <translation type="vanished">{n} svar etter første dose er skjult for din rolle og vises ikke i diagrammet; sikkerhetskontrollen av dem vises ved besøket.</translation>
    </message>
    <message>
      <source>{n} result(s); thresholds and reference range from protocol {version}.</source>
      <translation type="vanished">{n} svar; grenseverdier og referanseområde fra protokoll {version}.</translation>
    </message>
    <message>
      <source>{symbol} ({unit})</source>
      <translation>{symbol} ({unit})</translation>
    </message>
    <message numerus="yes">
      <source> — %n masked value(s) not plotted (blinded role)</source>
      <translation>
        <numerusform> — %n skjult verdi er ikke vist (blindet rolle)</numerusform>
        <numerusform> — %n skjulte verdier er ikke vist (blindet rolle)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n result(s) after the first dose are masked for your role and are not plotted; their safety check is shown with the visit.</source>
      <translation>
        <numerusform>%n svar etter første dose er skjult for din rolle og vises ikke i diagrammet; sikkerhetskontrollen vises ved besøket.</numerusform>
        <numerusform>%n svar etter første dose er skjult for din rolle og vises ikke i diagrammet; sikkerhetskontrollen av dem vises ved besøket.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n result(s); thresholds and reference range from protocol {version}.</source>
      <translation>
        <numerusform>%n svar; grenseverdier og referanseområde fra protokoll {version}.</numerusform>
        <numerusform>%n svar; grenseverdier og referanseområde fra protokoll {version}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PrintPreviewDialog</name>
    <message>
      <source>&amp;Close</source>
      <translation>&amp;Lukk</translation>
    </message>
    <message>
      <source>&amp;Fit width</source>
      <translation>&amp;Tilpass bredde</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>Skri&amp;v ut…</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>Lagre som &amp;PDF…</translation>
    </message>
    <message>
      <source>Error message</source>
      <translation>Feilmelding</translation>
    </message>
    <message>
      <source>Fit the page to the width of the window</source>
      <translation>Tilpass siden til vindusbredden</translation>
    </message>
    <message>
      <source>Fit to width</source>
      <translation>Tilpass bredde</translation>
    </message>
    <message>
      <source>Not printed</source>
      <translation>Ikke skrevet ut</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
      <source>PDF not saved</source>
      <translation>PDF ikke lagret</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Side</translation>
    </message>
    <message>
      <source>Page {page} of {count}</source>
      <translation>Side {page} av {count}</translation>
    </message>
    <message>
      <source>Preparing {name}…</source>
      <translation>Klargjør {name}…</translation>
    </message>
    <message>
      <source>Preview of {name}</source>
      <translation>Forhåndsvisning av {name}</translation>
    </message>
    <message>
      <source>Print on paper (Ctrl+P)</source>
      <translation>Skriv ut på papir (Ctrl+P)</translation>
    </message>
    <message>
      <source>Print preview — {name}</source>
      <translation>Forhåndsvisning — {name}</translation>
    </message>
    <message>
      <source>Print {name}</source>
      <translation>Skriv ut {name}</translation>
    </message>
    <message>
      <source>Printing {name}…</source>
      <translation>Skriver ut {name}…</translation>
    </message>
    <message>
      <source>Save a copy as a PDF file (Ctrl+S). The file is not encrypted.</source>
      <translation>Lagre en kopi som PDF-fil (Ctrl+S). Filen er ikke kryptert.</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>Lagre som PDF</translation>
    </message>
    <message>
      <source>The PDF could not be saved as {path}:
{reason}

The preview stays open: choose another folder and try again.</source>
      <translation>PDF-filen kunne ikke lagres som {path}:
{reason}

Forhåndsvisningen er fortsatt åpen: velg en annen mappe og prøv igjen.</translation>
    </message>
    <message>
      <source>The PDF could not be shown. It can still be saved as a file.</source>
      <translation>PDF-en kunne ikke vises. Den kan likevel lagres som fil.</translation>
    </message>
    <message>
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>Zoom inn</translation>
    </message>
    <message>
      <source>Zoom in (+)</source>
      <translation>Zoom inn (+)</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>Zoom ut</translation>
    </message>
    <message>
      <source>Zoom out (-)</source>
      <translation>Zoom ut (-)</translation>
    </message>
    <message>
      <source>{path} already exists. Replace it?</source>
      <translation>{path} finnes allerede. Vil du erstatte den?</translation>
    </message>
    <message>
      <source>{percent} %</source>
      <translation>{percent} %</translation>
    </message>
  </context>
  <context>
    <name>ReadBackDialog</name>
    <message>
      <source>Con&amp;firmed — save</source>
      <translation>&amp;Bekreftet — lagre</translation>
    </message>
    <message>
      <source>Read back critical values</source>
      <translation>Les tilbake kritiske verdier</translation>
    </message>
    <message>
      <source>Read each value back from the lab report — number AND unit — and tick it when it matches exactly.</source>
      <translation>Les hver verdi tilbake fra laboratoriesvaret — tall OG enhet — og kryss av når den stemmer nøyaktig.</translation>
    </message>
    <message>
      <source>{text} matches the lab report</source>
      <translation>{text} stemmer med laboratoriesvaret</translation>
    </message>
  </context>
  <context>
    <name>SaeBanner</name>
    <message>
      <source> — {u} due within 6 hours or overdue</source>
      <translation type="vanished"> — {u} med frist innen 6 timer eller forsinket</translation>
    </message>
    <message>
      <source>Serious adverse events to report</source>
      <translation>Alvorlige uønskede hendelser som skal rapporteres</translation>
    </message>
    <message>
      <source>⚠ SAE 24-hour reporting clock: {n} serious adverse event(s) not yet reported to the sponsor{urgent}.</source>
      <translation type="vanished">⚠ 24-timers meldefrist for AUH: {n} alvorlig(e) uønsket/uønskede hendelse(r) er ikke rapportert til sponsor ennå{urgent}.</translation>
    </message>
    <message>
      <source>⚠ SAE not yet reported: {clocks}</source>
      <translation>⚠ AUH ikke rapportert ennå: {clocks}</translation>
    </message>
    <message>
      <source>{term} — due {due}, {left}</source>
      <translation>{term} — frist {due}, {left}</translation>
    </message>
    <message numerus="yes">
      <source> — %n due within 6 hours or overdue</source>
      <translation>
        <numerusform> — %n med frist innen 6 timer eller forsinket</numerusform>
        <numerusform> — %n med frist innen 6 timer eller forsinket</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>⚠ SAE 24-hour reporting clock: %n serious adverse event(s) not yet reported to the sponsor{urgent}.</source>
      <translation>
        <numerusform>⚠ 24-timers meldefrist for AUH: %n alvorlig uønsket hendelse er ikke rapportert til sponsor ennå{urgent}.</numerusform>
        <numerusform>⚠ 24-timers meldefrist for AUH: %n alvorlige uønskede hendelser er ikke rapportert til sponsor ennå{urgent}.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TimelineWidget</name>
    <message>
      <source>The timeline starts when the participant is enrolled.</source>
      <translation>Tidslinjen starter når deltakeren blir inkludert.</translation>
    </message>
    <message>
      <source>Today's state of every visit; the dose dates count from the first dose given.</source>
      <translation>Status i dag for hvert besøk; dosedatoene regnes fra første gitte dose.</translation>
    </message>
    <message>
      <source>Visit timeline</source>
      <translation>Tidslinje for besøk</translation>
    </message>
  </context>
  <context>
    <name>TodayPanel</name>
    <message>
      <source>Dose visits due today</source>
      <translation type="vanished">Dosebesøk til behandling i dag</translation>
    </message>
    <message>
      <source>Double-click or Enter opens the dose visit.</source>
      <translation type="vanished">Dobbeltklikk eller Enter åpner dosebesøket.</translation>
    </message>
    <message>
      <source>Nobody is due for a dose today.</source>
      <translation type="vanished">Ingen skal ha dose i dag.</translation>
    </message>
    <message>
      <source>Double-click or Enter opens the visit or contact.</source>
      <translation>Dobbeltklikk eller Enter åpner besøket eller kontakten.</translation>
    </message>
    <message>
      <source>Nobody is due today (doses and contacts).</source>
      <translation>Ingen skal ha dose eller kontakt i dag.</translation>
    </message>
    <message>
      <source>Nobody to call today.</source>
      <translation>Ingen å ringe i dag.</translation>
    </message>
    <message>
      <source>Only calls (phone and long-term follow-ups)</source>
      <translation>Bare samtaler (telefon- og langtidsoppfølging)</translation>
    </message>
    <message>
      <source>Visits and contacts due today</source>
      <translation>Besøk og kontakter til behandling i dag</translation>
    </message>
  </context>
  <context>
    <name>tasks</name>
    <message>
      <source>Busy</source>
      <translation>Opptatt</translation>
    </message>
    <message>
      <source>Please wait</source>
      <translation>Vent litt</translation>
    </message>
    <message>
      <source>TrialDesk</source>
      <translation>TrialDesk</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Arbeider…</translation>
    </message>
  </context>
  <context>
    <name>VisitTabs</name>
    <message>
      <source>&amp;Adverse events</source>
      <translation type="vanished">&amp;Uønskede hendelser</translation>
    </message>
    <message>
      <source>&amp;Injections</source>
      <translation>&amp;Injeksjoner</translation>
    </message>
    <message>
      <source>Adverse event changed.</source>
      <translation>Den uønskede hendelsen er endret.</translation>
    </message>
    <message>
      <source>Adverse event recorded.</source>
      <translation>Den uønskede hendelsen er registrert.</translation>
    </message>
    <message>
      <source>Lab &amp;trends</source>
      <translation>Lab&amp;trender</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>Ikke lagret</translation>
    </message>
    <message>
      <source>Record that this serious adverse event was reported to the sponsor now? This stops its 24-hour clock.</source>
      <translation>Registrere at denne alvorlige uønskede hendelsen nå er rapportert til sponsor? Da stoppes 24-timers meldefrist for hendelsen.</translation>
    </message>
    <message>
      <source>SAE marked reported.</source>
      <translation>AUH er merket som rapportert.</translation>
    </message>
    <message>
      <source>SAE reported</source>
      <translation>AUH rapportert</translation>
    </message>
    <message>
      <source>Time&amp;line</source>
      <translation>Tids&amp;linje</translation>
    </message>
    <message>
      <source>You are changing a saved adverse event. Say why; the reason is kept in the audit trail.</source>
      <translation>Du endrer en lagret uønsket hendelse. Oppgi begrunnelse; den lagres i revisjonssporet.</translation>
    </message>
    <message>
      <source>✎ {at} by {who}: {reason}</source>
      <translation>✎ {at} av {who}: {reason}</translation>
    </message>
    <message>
      <source>Contacts &amp;&amp; follow-&amp;ups</source>
      <translation type="vanished">Kontakter p&amp;å tlf. &amp;&amp; besøk</translation>
    </message>
    <message>
      <source>Phone follow-ups, doctor consultations, end of study and long-term follow-ups</source>
      <translation>Telefonoppfølging, legekonsultasjoner, studieslutt og langtidsoppfølging</translation>
    </message>
    <message>
      <source>adverse event</source>
      <translation type="vanished">uønsket hendelse</translation>
    </message>
    <message>
      <source>change</source>
      <translation>endring</translation>
    </message>
    <message>
      <source>{term}, grade {grade}</source>
      <translation>{term}, grad {grade}</translation>
    </message>
    <message>
      <source>&amp;AEs</source>
      <translation>&amp;UH</translation>
    </message>
    <message>
      <source>Follow-&amp;ups</source>
      <translation type="vanished">Opp&amp;følging</translation>
    </message>
    <message>
      <source>Follo&amp;w-ups</source>
      <translation type="vanished">Oppfølging</translation>
    </message>
    <message>
      <source>Follow-ups</source>
      <translation>Oppfølging</translation>
    </message>
  </context>
  <context>
    <name>HistoryTableModel</name>
    <message>
      <source>(hidden)</source>
      <translation type="vanished">(skjult)</translation>
    </message>
    <message>
      <source>(masked)</source>
      <translation type="vanished">(maskert)</translation>
    </message>
    <message>
      <source>Adverse event</source>
      <translation type="vanished">Uønsket hendelse</translation>
    </message>
    <message>
      <source>BP diastolic after</source>
      <translation type="vanished">BT diastolisk etter</translation>
    </message>
    <message>
      <source>BP diastolic before</source>
      <translation type="vanished">BT diastolisk før</translation>
    </message>
    <message>
      <source>BP systolic after</source>
      <translation type="vanished">BT systolisk etter</translation>
    </message>
    <message>
      <source>BP systolic before</source>
      <translation type="vanished">BT systolisk før</translation>
    </message>
    <message>
      <source>Blood result</source>
      <translation type="vanished">Blodprøvesvar</translation>
    </message>
    <message>
      <source>Blood sample</source>
      <translation type="vanished">Blodprøve</translation>
    </message>
    <message>
      <source>CTCAE grade</source>
      <translation type="vanished">CTCAE-grad</translation>
    </message>
    <message>
      <source>CTCAE term</source>
      <translation type="vanished">CTCAE-term</translation>
    </message>
    <message>
      <source>CTCAE version</source>
      <translation type="vanished">CTCAE-versjon</translation>
    </message>
    <message>
      <source>Canadian criteria met</source>
      <translation type="vanished">Kanadiske kriterier oppfylt</translation>
    </message>
    <message>
      <source>Consent</source>
      <translation type="vanished">Samtykke</translation>
    </message>
    <message>
      <source>Dose visit</source>
      <translation type="vanished">Dosebesøk</translation>
    </message>
    <message>
      <source>Eligibility decision</source>
      <translation type="vanished">Kvalifikasjonsbeslutning</translation>
    </message>
    <message>
      <source>GP</source>
      <translation type="vanished">fastlege</translation>
    </message>
    <message>
      <source>Identity</source>
      <translation type="vanished">Identitet</translation>
    </message>
    <message>
      <source>IgG (g/L)</source>
      <translation type="vanished">IgG (g/L)</translation>
    </message>
    <message>
      <source>IgG as entered</source>
      <translation type="vanished">IgG som registrert</translation>
    </message>
    <message>
      <source>IgG unit</source>
      <translation type="vanished">IgG-enhet</translation>
    </message>
    <message>
      <source>Injection</source>
      <translation type="vanished">Injeksjon</translation>
    </message>
    <message>
      <source>Judgement</source>
      <translation type="vanished">Vurdering</translation>
    </message>
    <message>
      <source>ME/CFS onset date</source>
      <translation type="vanished">debutdato ME/CFS</translation>
    </message>
    <message>
      <source>NK (×10^6/L)</source>
      <translation type="vanished">NK (×10^6/L)</translation>
    </message>
    <message>
      <source>NK as entered</source>
      <translation type="vanished">NK som registrert</translation>
    </message>
    <message>
      <source>NK unit</source>
      <translation type="vanished">NK-enhet</translation>
    </message>
    <message>
      <source>Participant</source>
      <translation type="vanished">Deltaker</translation>
    </message>
    <message>
      <source>Premedication</source>
      <translation type="vanished">Premedisinering</translation>
    </message>
    <message>
      <source>SAE reported at</source>
      <translation type="vanished">AUH meldt</translation>
    </message>
    <message>
      <source>SAE: congenital anomaly</source>
      <translation type="vanished">AUH: medfødt misdannelse</translation>
    </message>
    <message>
      <source>SAE: death</source>
      <translation type="vanished">AUH: død</translation>
    </message>
    <message>
      <source>SAE: disability</source>
      <translation type="vanished">AUH: uførhet</translation>
    </message>
    <message>
      <source>SAE: hospitalisation</source>
      <translation type="vanished">AUH: sykehusinnleggelse</translation>
    </message>
    <message>
      <source>SAE: important medical event</source>
      <translation type="vanished">AUH: viktig medisinsk hendelse</translation>
    </message>
    <message>
      <source>SAE: life-threatening</source>
      <translation type="vanished">AUH: livstruende</translation>
    </message>
    <message>
      <source>Screening</source>
      <translation type="vanished">Screening</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation type="vanished">Signatur</translation>
    </message>
    <message>
      <source>Visit calendar</source>
      <translation type="vanished">Besøksplan</translation>
    </message>
    <message>
      <source>action with study drug</source>
      <translation type="vanished">tiltak med studielegemidlet</translation>
    </message>
    <message>
      <source>analyte</source>
      <translation type="vanished">analytt</translation>
    </message>
    <message>
      <source>answer</source>
      <translation type="vanished">svar</translation>
    </message>
    <message>
      <source>aware at</source>
      <translation type="vanished">kjent fra</translation>
    </message>
    <message>
      <source>birth date</source>
      <translation type="vanished">fødselsdato</translation>
    </message>
    <message>
      <source>causality</source>
      <translation type="vanished">årsakssammenheng</translation>
    </message>
    <message>
      <source>changed</source>
      <translation type="vanished">endret</translation>
    </message>
    <message>
      <source>checklist hash</source>
      <translation type="vanished">sjekkliste-hash</translation>
    </message>
    <message>
      <source>childbearing potential</source>
      <translation type="vanished">fertil</translation>
    </message>
    <message>
      <source>context</source>
      <translation type="vanished">sammenheng</translation>
    </message>
    <message>
      <source>copy given</source>
      <translation type="vanished">kopi gitt</translation>
    </message>
    <message>
      <source>decided at</source>
      <translation type="vanished">besluttet</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation type="vanished">slettet</translation>
    </message>
    <message>
      <source>done on</source>
      <translation type="vanished">gjennomført</translation>
    </message>
    <message>
      <source>dose</source>
      <translation type="vanished">dose</translation>
    </message>
    <message>
      <source>drug</source>
      <translation type="vanished">legemiddel</translation>
    </message>
    <message>
      <source>end date</source>
      <translation type="vanished">sluttdato</translation>
    </message>
    <message>
      <source>ended at</source>
      <translation type="vanished">avsluttet</translation>
    </message>
    <message>
      <source>entered</source>
      <translation type="vanished">registrert</translation>
    </message>
    <message>
      <source>failed criteria</source>
      <translation type="vanished">kriterier ikke oppfylt</translation>
    </message>
    <message>
      <source>flag</source>
      <translation type="vanished">flagg</translation>
    </message>
    <message>
      <source>form version</source>
      <translation type="vanished">skjemaversjon</translation>
    </message>
    <message>
      <source>given at</source>
      <translation type="vanished">gitt</translation>
    </message>
    <message>
      <source>given by</source>
      <translation type="vanished">gitt av</translation>
    </message>
    <message>
      <source>grade</source>
      <translation type="vanished">grad</translation>
    </message>
    <message>
      <source>identity number</source>
      <translation type="vanished">fødselsnummer</translation>
    </message>
    <message>
      <source>inclusion date</source>
      <translation type="vanished">inklusjonsdato</translation>
    </message>
    <message>
      <source>injection site</source>
      <translation type="vanished">injeksjonssted</translation>
    </message>
    <message>
      <source>kind</source>
      <translation type="vanished">type</translation>
    </message>
    <message>
      <source>kit number</source>
      <translation type="vanished">kitnummer</translation>
    </message>
    <message>
      <source>language</source>
      <translation type="vanished">språk</translation>
    </message>
    <message>
      <source>lot</source>
      <translation type="vanished">batch</translation>
    </message>
    <message>
      <source>meaning</source>
      <translation type="vanished">betydning</translation>
    </message>
    <message>
      <source>name</source>
      <translation type="vanished">navn</translation>
    </message>
    <message>
      <source>no</source>
      <translation type="vanished">nei</translation>
    </message>
    <message>
      <source>note</source>
      <translation type="vanished">merknad</translation>
    </message>
    <message>
      <source>observe until</source>
      <translation type="vanished">observer til</translation>
    </message>
    <message>
      <source>obtained by</source>
      <translation type="vanished">innhentet av</translation>
    </message>
    <message>
      <source>onset date</source>
      <translation type="vanished">startdato</translation>
    </message>
    <message>
      <source>onset trigger</source>
      <translation type="vanished">utløsende årsak</translation>
    </message>
    <message>
      <source>open criteria</source>
      <translation type="vanished">ubesvarte kriterier</translation>
    </message>
    <message>
      <source>other, specify</source>
      <translation type="vanished">annet, spesifiser</translation>
    </message>
    <message>
      <source>outcome</source>
      <translation type="vanished">utfall</translation>
    </message>
    <message>
      <source>override reason</source>
      <translation type="vanished">begrunnelse for overstyring</translation>
    </message>
    <message>
      <source>phone</source>
      <translation type="vanished">telefon</translation>
    </message>
    <message>
      <source>pregnancy test</source>
      <translation type="vanished">graviditetstest</translation>
    </message>
    <message>
      <source>protocol unit</source>
      <translation type="vanished">protokollenhet</translation>
    </message>
    <message>
      <source>protocol version</source>
      <translation type="vanished">protokollversjon</translation>
    </message>
    <message>
      <source>pulse after</source>
      <translation type="vanished">puls etter</translation>
    </message>
    <message>
      <source>pulse before</source>
      <translation type="vanished">puls før</translation>
    </message>
    <message>
      <source>read back</source>
      <translation type="vanished">lest tilbake</translation>
    </message>
    <message>
      <source>sampled at</source>
      <translation type="vanished">prøvetakingstidspunkt</translation>
    </message>
    <message>
      <source>screening date</source>
      <translation type="vanished">screeningdato</translation>
    </message>
    <message>
      <source>serious</source>
      <translation type="vanished">alvorlig</translation>
    </message>
    <message>
      <source>severity</source>
      <translation type="vanished">alvorlighetsgrad</translation>
    </message>
    <message>
      <source>sex</source>
      <translation type="vanished">kjønn</translation>
    </message>
    <message>
      <source>signature</source>
      <translation type="vanished">signatur</translation>
    </message>
    <message>
      <source>signed at</source>
      <translation type="vanished">signert</translation>
    </message>
    <message>
      <source>signed by</source>
      <translation type="vanished">signert av</translation>
    </message>
    <message>
      <source>signed by investigator</source>
      <translation type="vanished">signert av utprøver</translation>
    </message>
    <message>
      <source>signed by participant</source>
      <translation type="vanished">signert av deltaker</translation>
    </message>
    <message>
      <source>signed content hash</source>
      <translation type="vanished">hash av signert innhold</translation>
    </message>
    <message>
      <source>signed record</source>
      <translation type="vanished">signert post</translation>
    </message>
    <message>
      <source>signed record id</source>
      <translation type="vanished">ID for signert post</translation>
    </message>
    <message>
      <source>started at</source>
      <translation type="vanished">startet</translation>
    </message>
    <message>
      <source>state</source>
      <translation type="vanished">status</translation>
    </message>
    <message>
      <source>status</source>
      <translation type="vanished">status</translation>
    </message>
    <message>
      <source>study id</source>
      <translation type="vanished">studie-ID</translation>
    </message>
    <message>
      <source>target date</source>
      <translation type="vanished">måldato</translation>
    </message>
    <message>
      <source>temperature after</source>
      <translation type="vanished">temperatur etter</translation>
    </message>
    <message>
      <source>temperature before</source>
      <translation type="vanished">temperatur før</translation>
    </message>
    <message>
      <source>unit as entered</source>
      <translation type="vanished">enhet som registrert</translation>
    </message>
    <message>
      <source>user name</source>
      <translation type="vanished">brukernavn</translation>
    </message>
    <message>
      <source>value (protocol unit)</source>
      <translation type="vanished">verdi (protokollenhet)</translation>
    </message>
    <message>
      <source>value as entered</source>
      <translation type="vanished">verdi som registrert</translation>
    </message>
    <message>
      <source>verbatim term</source>
      <translation type="vanished">ordrett beskrivelse</translation>
    </message>
    <message>
      <source>verdict</source>
      <translation type="vanished">vurdering</translation>
    </message>
    <message>
      <source>visit</source>
      <translation type="vanished">besøk</translation>
    </message>
    <message>
      <source>visit (nb)</source>
      <translation type="vanished">besøk (nb)</translation>
    </message>
    <message>
      <source>visit date</source>
      <translation type="vanished">besøksdato</translation>
    </message>
    <message>
      <source>window from</source>
      <translation type="vanished">vindu fra</translation>
    </message>
    <message>
      <source>window reason</source>
      <translation type="vanished">begrunnelse utenfor vindu</translation>
    </message>
    <message>
      <source>window to</source>
      <translation type="vanished">vindu til</translation>
    </message>
    <message>
      <source>yes</source>
      <translation type="vanished">ja</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Felt</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Ny</translation>
    </message>
    <message>
      <source>Old</source>
      <translation>Gammel</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Hva</translation>
    </message>
    <message>
      <source>When (Oslo time)</source>
      <translation>Når (Oslo-tid)</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Hvem</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Hvorfor</translation>
    </message>
    <message>
      <source>GO</source>
      <translation type="vanished">GO</translation>
    </message>
    <message>
      <source>GO with reason (outside window)</source>
      <translation type="vanished">GO med begrunnelse (utenfor tidsvindu)</translation>
    </message>
    <message>
      <source>NO-GO (overridden)</source>
      <translation type="vanished">NO-GO (overstyrt)</translation>
    </message>
    <message>
      <source>abdomen left</source>
      <translation type="vanished">abdomen venstre</translation>
    </message>
    <message>
      <source>abdomen right</source>
      <translation type="vanished">abdomen høyre</translation>
    </message>
    <message>
      <source>eligible</source>
      <translation type="vanished">kvalifisert</translation>
    </message>
    <message>
      <source>given</source>
      <translation type="vanished">gitt</translation>
    </message>
    <message>
      <source>incomplete</source>
      <translation type="vanished">ufullstendig</translation>
    </message>
    <message>
      <source>negative</source>
      <translation type="vanished">negativ</translation>
    </message>
    <message>
      <source>not eligible</source>
      <translation type="vanished">ikke kvalifisert</translation>
    </message>
    <message>
      <source>not given</source>
      <translation type="vanished">ikke gitt</translation>
    </message>
    <message>
      <source>not given (missed)</source>
      <translation type="vanished">ikke gitt (ikke gjennomført)</translation>
    </message>
    <message>
      <source>open</source>
      <translation type="vanished">åpen</translation>
    </message>
    <message>
      <source>positive</source>
      <translation type="vanished">positiv</translation>
    </message>
  </context>
  <context>
    <name>ParticipantTableModel</name>
    <message>
      <source>Candidate</source>
      <translation type="vanished">Kandidat</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation type="vanished">Fullført</translation>
    </message>
    <message>
      <source>Enrolled (baseline)</source>
      <translation type="vanished">Inkludert (baseline)</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation type="vanished">Oppfølging</translation>
    </message>
    <message>
      <source>On treatment</source>
      <translation type="vanished">Under behandling</translation>
    </message>
    <message>
      <source>Screen failure</source>
      <translation type="vanished">Screeningsvikt</translation>
    </message>
    <message>
      <source>Screening</source>
      <translation>Screening</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation type="vanished">Trukket fra studien</translation>
    </message>
    <message>
      <source>Age</source>
      <translation type="vanished">Alder</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Dato</translation>
    </message>
    <message>
      <source>F</source>
      <translation>K</translation>
    </message>
    <message>
      <source>M</source>
      <translation>M</translation>
    </message>
    <message>
      <source>Next visit</source>
      <translation>Neste besøk</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>Kjønn</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Studiested</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Study id</source>
      <translation type="vanished">Studie-ID</translation>
    </message>
    <message>
      <source>Sex, age</source>
      <translation>Kjønn, alder</translation>
    </message>
    <message>
      <source>{sex}, {age} years</source>
      <translation>{sex}, {age} år</translation>
    </message>
  </context>
  <context>
    <name>PlannedVisitTableModel</name>
    <message>
      <source>Code</source>
      <translation type="vanished">Kode</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Gjennomført</translation>
    </message>
    <message>
      <source>Target date</source>
      <translation type="vanished">Måldato</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation type="vanished">Besøk</translation>
    </message>
    <message>
      <source>Window</source>
      <translation>Vindu</translation>
    </message>
  </context>
  <context>
    <name>visits</name>
    <message>
      <source>! Overdue</source>
      <translation>! Forsinket</translation>
    </message>
    <message>
      <source>Analyte</source>
      <translation type="vanished">Analytt</translation>
    </message>
    <message>
      <source>As entered</source>
      <translation>Som registrert</translation>
    </message>
    <message>
      <source>CTCAE</source>
      <translation type="vanished">CTCAE</translation>
    </message>
    <message>
      <source>Causality</source>
      <translation>Årsakssammenheng</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>Endret</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Kode</translation>
    </message>
    <message>
      <source>Done on</source>
      <translation type="vanished">Gjennomført</translation>
    </message>
    <message>
      <source>Dose</source>
      <translation type="vanished">Dose</translation>
    </message>
    <message>
      <source>End</source>
      <translation type="vanished">Slutt</translation>
    </message>
    <message>
      <source>Flag</source>
      <translation>Flagg</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Grad</translation>
    </message>
    <message>
      <source>H (high)</source>
      <translation type="vanished">H (høy)</translation>
    </message>
    <message>
      <source>L (low)</source>
      <translation type="vanished">L (lav)</translation>
    </message>
    <message>
      <source>OVERDUE by {hm}</source>
      <translation>FORSINKET med {hm}</translation>
    </message>
    <message>
      <source>Onset</source>
      <translation type="vanished">Start</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Utfall</translation>
    </message>
    <message>
      <source>Remaining</source>
      <translation>Gjenstår</translation>
    </message>
    <message>
      <source>Report due (Oslo)</source>
      <translation>Meldefrist (Oslo)</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Resultat</translation>
    </message>
    <message>
      <source>SAE</source>
      <translation>AUH</translation>
    </message>
    <message>
      <source>SAE · reported {at}</source>
      <translation>AUH · meldt {at}</translation>
    </message>
    <message>
      <source>SAE · {left} (due {due})</source>
      <translation>AUH · {left} (frist {due})</translation>
    </message>
    <message>
      <source>Sampled</source>
      <translation>Prøvetatt</translation>
    </message>
    <message>
      <source>Serious</source>
      <translation>Alvorlig</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Study id</source>
      <translation>Studie-ID</translation>
    </message>
    <message>
      <source>Target date</source>
      <translation>Måldato</translation>
    </message>
    <message>
      <source>Term (CTCAE)</source>
      <translation type="vanished">Term (CTCAE)</translation>
    </message>
    <message>
      <source>Verbatim</source>
      <translation>Ordrett</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>Besøk</translation>
    </message>
    <message>
      <source>Window</source>
      <translation>Vindu</translation>
    </message>
    <message>
      <source>Window ends</source>
      <translation type="vanished">Vinduet slutter</translation>
    </message>
    <message>
      <source>grade {g}</source>
      <translation>grad {g}</translation>
    </message>
    <message>
      <source>hh:mm (n = now)</source>
      <translation>tt:mm (n = nå)</translation>
    </message>
    <message>
      <source>no</source>
      <translation>nei</translation>
    </message>
    <message>
      <source>{hm} left</source>
      <translation>{hm} igjen</translation>
    </message>
    <message>
      <source>○ Upcoming</source>
      <translation>○ Kommende</translation>
    </message>
    <message>
      <source>● Due today</source>
      <translation>● Til behandling i dag</translation>
    </message>
    <message>
      <source>✎ changed {at} by {who}: {reason}</source>
      <translation>✎ endret {at} av {who}: {reason}</translation>
    </message>
    <message>
      <source>✓ Done</source>
      <translation>✓ Gjennomført</translation>
    </message>
    <message>
      <source>✗ Missed</source>
      <translation>✗ Ikke gjennomført</translation>
    </message>
    <message>
      <source>definitely related</source>
      <translation>sikkert relatert</translation>
    </message>
    <message>
      <source>dose delayed</source>
      <translation>dose utsatt</translation>
    </message>
    <message>
      <source>dose not given</source>
      <translation>dose ikke gitt</translation>
    </message>
    <message>
      <source>fatal</source>
      <translation>dødelig</translation>
    </message>
    <message>
      <source>none (dose not changed)</source>
      <translation>ingen (dosen ikke endret)</translation>
    </message>
    <message>
      <source>not applicable</source>
      <translation>ikke relevant</translation>
    </message>
    <message>
      <source>not recovered</source>
      <translation>ikke restituert</translation>
    </message>
    <message>
      <source>not related</source>
      <translation>ikke relatert</translation>
    </message>
    <message>
      <source>possible</source>
      <translation>mulig</translation>
    </message>
    <message>
      <source>probable</source>
      <translation>sannsynlig</translation>
    </message>
    <message>
      <source>recovered</source>
      <translation>restituert</translation>
    </message>
    <message>
      <source>recovered with sequelae</source>
      <translation>restituert med følgetilstand</translation>
    </message>
    <message>
      <source>recovering</source>
      <translation>i bedring</translation>
    </message>
    <message>
      <source>study drug withdrawn</source>
      <translation>studielegemiddel seponert</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>ukjent</translation>
    </message>
    <message>
      <source>unlikely</source>
      <translation>usannsynlig</translation>
    </message>
    <message>
      <source>SAE · awareness time unreadable</source>
      <translation>SAE · tidspunktet for kjennskap kan ikke leses</translation>
    </message>
    <message>
      <source>&lt;b&gt;{code} · {label}&lt;/b&gt;&lt;br&gt;Window {start} – {end} · {state}</source>
      <translation>&lt;b&gt;{code} · {label}&lt;/b&gt;&lt;br&gt;Tidsvindu {start} – {end} · {state}</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Nei</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Ja</translation>
    </message>
    <message>
      <source>started, not complete</source>
      <translation>påbegynt, ikke fullført</translation>
    </message>
    <message>
      <source>{n} call(s) not reached</source>
      <translation type="vanished">{n} oppringing(er) uten svar</translation>
    </message>
    <message>
      <source>⊘ Cancelled (course)</source>
      <translation>⊘ Bortfalt (forløp)</translation>
    </message>
    <message numerus="yes">
      <source>%n call(s) not reached</source>
      <translation>
        <numerusform>%n oppringing uten svar</numerusform>
        <numerusform>%n oppringinger uten svar</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>signatures</name>
    <message>
      <source>By signing I confirm that I have checked every inclusion and exclusion criterion for this participant against the source documents, and that the decision shown is mine. My signature is the legally binding equivalent of my handwritten signature.</source>
      <translation>Ved å signere bekrefter jeg at jeg har kontrollert hvert inklusjons- og eksklusjonskriterium for denne deltakeren mot kildedokumentene, og at beslutningen som vises er min. Signaturen min er juridisk bindende og likestilt med min håndskrevne signatur.</translation>
    </message>
    <message>
      <source>Eligibility confirmed by investigator</source>
      <translation>Kvalifisering bekreftet av utprøver</translation>
    </message>
    <message>
      <source>I am the investigator responsible for this participant. I have reviewed every no-go reason shown and decide that the dose is given; I sign this decision with my password.</source>
      <translation>Jeg er utprøveren med ansvar for denne deltakeren. Jeg har gjennomgått hver NO-GO-årsak som vises, og beslutter at dosen gis; jeg signerer denne beslutningen med passordet mitt.</translation>
    </message>
    <message>
      <source>No-go overridden by investigator</source>
      <translation>NO-GO overstyrt av utprøver</translation>
    </message>
    <message>
      <source>Screen failure confirmed by investigator</source>
      <translation>Screeningsvikt bekreftet av utprøver</translation>
    </message>
    <message>
      <source>By signing I confirm that this participant has completed the study as the protocol defines it, that I have checked the end-of-study record against the source documents, and that the confirmation is mine. My signature is the legally binding equivalent of my handwritten signature.</source>
      <translation>Ved å signere bekrefter jeg at denne deltakeren har fullført studien slik protokollen definerer det, at jeg har kontrollert registreringen av studieslutt mot kildedokumentene, og at bekreftelsen er min. Signaturen min er juridisk bindende og likestilt med min håndskrevne signatur.</translation>
    </message>
    <message>
      <source>End of study: completion confirmed by investigator</source>
      <translation>Studieslutt: fullføring bekreftet av utprøver</translation>
    </message>
  </context>
  <context>
    <name>Explanation</name>
    <message>
      <source>Canadian Consensus Criteria</source>
      <translation>Kanadiske konsensuskriterier</translation>
    </message>
    <message>
      <source>Canadian Consensus Criteria met; severity is {value}</source>
      <translation>Kanadiske konsensuskriterier oppfylt; alvorlighetsgrad er {value}</translation>
    </message>
    <message>
      <source>Canadian Consensus Criteria not met</source>
      <translation>Kanadiske konsensuskriterier ikke oppfylt</translation>
    </message>
    <message>
      <source>ME/CFS onset date</source>
      <translation>debutdato for ME/CFS</translation>
    </message>
    <message>
      <source>age {age} on {day} (born {birth_date}); needs {min_years}–{max_years}</source>
      <translation>alder {age} år den {day} (født {birth_date}); krav {min_years}–{max_years} år</translation>
    </message>
    <message>
      <source>alert card issued {date}</source>
      <translation>pasientkort utlevert {date}</translation>
    </message>
    <message>
      <source>alert card not issued (required before the first dose)</source>
      <translation>pasientkort ikke utlevert (påkrevd før første dose)</translation>
    </message>
    <message>
      <source>awaiting the investigator's judgement</source>
      <translation>venter på utprøvers vurdering</translation>
    </message>
    <message>
      <source>birth date</source>
      <translation>fødselsdato</translation>
    </message>
    <message>
      <source>candidate</source>
      <translation>kandidat</translation>
    </message>
    <message>
      <source>childbearing potential not recorded</source>
      <translation>ikke registrert om deltakeren kan bli gravid</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>fullført</translation>
    </message>
    <message>
      <source>consent date</source>
      <translation>samtykkedato</translation>
    </message>
    <message>
      <source>disease duration {duration} (onset {onset}); needs ≥ {minimum}</source>
      <translation>sykdomsvarighet {duration} (debut {onset}); krav ≥ {minimum}</translation>
    </message>
    <message>
      <source>eligibility is not signed, or its signature no longer matches the data</source>
      <translation>kvalifiseringen er ikke signert, eller signaturen stemmer ikke lenger med dataene</translation>
    </message>
    <message>
      <source>eligibility signed by an investigator</source>
      <translation>kvalifisering signert av utprøver</translation>
    </message>
    <message>
      <source>enrolled</source>
      <translation>inkludert</translation>
    </message>
    <message>
      <source>expected a value and a unit</source>
      <translation>verdi og enhet mangler</translation>
    </message>
    <message>
      <source>follow up</source>
      <translation>oppfølging</translation>
    </message>
    <message>
      <source>infection</source>
      <translation>infeksjon</translation>
    </message>
    <message>
      <source>investigator's judgement: no</source>
      <translation>utprøvers vurdering: nei</translation>
    </message>
    <message>
      <source>investigator's judgement: yes</source>
      <translation>utprøvers vurdering: ja</translation>
    </message>
    <message>
      <source>mild</source>
      <translation>mild</translation>
    </message>
    <message>
      <source>mild/moderate</source>
      <translation>mild/moderat</translation>
    </message>
    <message>
      <source>moderate</source>
      <translation>moderat</translation>
    </message>
    <message>
      <source>moderate/severe</source>
      <translation>moderat/alvorlig</translation>
    </message>
    <message>
      <source>negative</source>
      <translation>negativ</translation>
    </message>
    <message>
      <source>no pregnancy test recorded</source>
      <translation>ingen graviditetstest registrert</translation>
    </message>
    <message>
      <source>none</source>
      <translation>ingen</translation>
    </message>
    <message>
      <source>not applicable: the participant is a man</source>
      <translation>ikke aktuelt: deltakeren er mann</translation>
    </message>
    <message>
      <source>not applicable: woman not of childbearing potential</source>
      <translation>ikke aktuelt: kvinne som ikke kan bli gravid</translation>
    </message>
    <message>
      <source>on treatment</source>
      <translation>under behandling</translation>
    </message>
    <message>
      <source>onset trigger</source>
      <translation>utløsende faktor</translation>
    </message>
    <message>
      <source>other immunological</source>
      <translation>annen immunologisk</translation>
    </message>
    <message>
      <source>participant enrolled</source>
      <translation>deltakeren er inkludert</translation>
    </message>
    <message>
      <source>positive</source>
      <translation>positiv</translation>
    </message>
    <message>
      <source>pregnancy test POSITIVE: do not dose</source>
      <translation>graviditetstest POSITIV: ikke gi dosen</translation>
    </message>
    <message>
      <source>pregnancy test negative today</source>
      <translation>graviditetstest negativ i dag</translation>
    </message>
    <message>
      <source>pregnancy test not required (not a woman of childbearing potential)</source>
      <translation>graviditetstest ikke påkrevd (ikke kvinne som kan bli gravid)</translation>
    </message>
    <message>
      <source>pregnancy test required before the dose: none recorded for today</source>
      <translation>graviditetstest påkrevd før dosen: ingen registrert i dag</translation>
    </message>
    <message>
      <source>pregnancy test {result}</source>
      <translation>graviditetstest {result}</translation>
    </message>
    <message>
      <source>premedication not recorded: {drug}</source>
      <translation>premedisinering ikke registrert: {drug}</translation>
    </message>
    <message>
      <source>previous doses recorded ({previous})</source>
      <translation>tidligere doser registrert ({previous})</translation>
    </message>
    <message>
      <source>screen failure</source>
      <translation>screeningsvikt</translation>
    </message>
    <message>
      <source>screening</source>
      <translation>screening</translation>
    </message>
    <message>
      <source>severe</source>
      <translation>alvorlig</translation>
    </message>
    <message>
      <source>severity</source>
      <translation>alvorlighetsgrad</translation>
    </message>
    <message>
      <source>sex not recorded</source>
      <translation>kjønn ikke registrert</translation>
    </message>
    <message>
      <source>the participant is not enrolled (status {status})</source>
      <translation>deltakeren er ikke inkludert (status: {status})</translation>
    </message>
    <message>
      <source>the protocol sets no pre-dose safety limit for {analyte}</source>
      <translation>protokollen har ingen sikkerhetsgrense før dosering for {analyte}</translation>
    </message>
    <message>
      <source>the unit is not one of this analyte's units</source>
      <translation>enheten hører ikke til denne analysen</translation>
    </message>
    <message>
      <source>the value is not a number</source>
      <translation>verdien er ikke et tall</translation>
    </message>
    <message>
      <source>the value is outside the plausible range</source>
      <translation>verdien er utenfor det plausible området</translation>
    </message>
    <message>
      <source>type and screen done {date}</source>
      <translation>blodtype og antistoffscreening tatt {date}</translation>
    </message>
    <message>
      <source>type and screen not recorded (required before the first dose)</source>
      <translation>blodtype og antistoffscreening ikke registrert (påkrevd før første dose)</translation>
    </message>
    <message>
      <source>very severe</source>
      <translation>svært alvorlig</translation>
    </message>
    <message>
      <source>withdrawn</source>
      <translation>trukket fra studien</translation>
    </message>
    <message>
      <source>{analyte} cannot be used: {reason}</source>
      <translation>{analyte} kan ikke brukes: {reason}</translation>
    </message>
    <message>
      <source>{analyte} not recorded</source>
      <translation>{analyte} ikke registrert</translation>
    </message>
    <message>
      <source>{analyte} {entered}{value} {unit} {relation} {threshold} {unit}</source>
      <translation>{analyte} {entered}{value} {unit} {relation} {threshold} {unit}</translation>
    </message>
    <message>
      <source>{analyte} {value} {unit} is above the pre-dose safety limit {limit} {unit}</source>
      <translation>{analyte} {value} {unit} er over sikkerhetsgrensen før dosering på {limit} {unit}</translation>
    </message>
    <message>
      <source>{analyte} {value} {unit} is below the pre-dose safety limit {limit} {unit}</source>
      <translation>{analyte} {value} {unit} er under sikkerhetsgrensen før dosering på {limit} {unit}</translation>
    </message>
    <message>
      <source>{analyte} {value} {unit} is within the pre-dose safety limits ({limits})</source>
      <translation>{analyte} {value} {unit} er innenfor sikkerhetsgrensene før dosering ({limits})</translation>
    </message>
    <message>
      <source>{analyte}: no pre-dose result</source>
      <translation>{analyte}: ingen prøvesvar før dosering</translation>
    </message>
    <message>
      <source>{analyte}: outside the pre-dose safety limit — refer to the unblinded physician</source>
      <translation>{analyte}: utenfor sikkerhetsgrensen før dosering — kontakt ublindet lege</translation>
    </message>
    <message>
      <source>{analyte}: result on file, within limits</source>
      <translation>{analyte}: resultat registrert, innenfor grensene</translation>
    </message>
    <message>
      <source>{analyte}: sample of {sampled} is more than {days} days before the dose</source>
      <translation>{analyte}: prøven fra {sampled} er tatt mer enn {days} dager før dosen</translation>
    </message>
    <message>
      <source>{dose} on {day} is inside its window {start} – {end}</source>
      <translation>{dose} {day} er innenfor tidsvinduet {start} – {end}</translation>
    </message>
    <message>
      <source>{dose} on {day} is outside its window {start} – {end}: allowed only with a reason</source>
      <translation>{dose} {day} er utenfor tidsvinduet {start} – {end}: bare tillatt med begrunnelse</translation>
    </message>
    <message>
      <source>{dose} was already given on {date}</source>
      <translation>{dose} ble allerede gitt {date}</translation>
    </message>
    <message>
      <source>{drug} given at {time} ({hours} h before now)</source>
      <translation type="vanished">{drug} gitt kl. {time} ({hours} timer siden)</translation>
    </message>
    <message>
      <source>{drug} given at {time}: {hours} h before now, needs {min}–{max} h</source>
      <translation type="vanished">{drug} gitt kl. {time}: {hours} timer siden, krav {min}–{max} timer</translation>
    </message>
    <message>
      <source>{fact} "{value}" is not a recognised value</source>
      <translation>{fact} «{value}» er ikke en gyldig verdi</translation>
    </message>
    <message>
      <source>{fact} is {value}</source>
      <translation>{fact} er {value}</translation>
    </message>
    <message>
      <source>{fact} is {value}, not {choices}</source>
      <translation>{fact} er {value}, ikke {choices}</translation>
    </message>
    <message>
      <source>{fact} not recorded</source>
      <translation>{fact} ikke registrert</translation>
    </message>
    <message>
      <source>{fact} {date} is after the screening date {day}</source>
      <translation>{fact} {date} er etter screeningdatoen {day}</translation>
    </message>
    <message>
      <source>{fact} {date} is on or before the screening date {day}</source>
      <translation>{fact} {date} er på eller før screeningdatoen {day}</translation>
    </message>
    <message>
      <source>{items} or {last}</source>
      <translation>{items} eller {last}</translation>
    </message>
    <message>
      <source>{n} month</source>
      <translation>{n} måned</translation>
    </message>
    <message>
      <source>{n} months</source>
      <translation>{n} måneder</translation>
    </message>
    <message>
      <source>{n} year</source>
      <translation>{n} år</translation>
    </message>
    <message>
      <source>{n} years</source>
      <translation>{n} år</translation>
    </message>
    <message>
      <source>{previous} is not recorded yet (given or missed)</source>
      <translation>{previous} er ikke registrert ennå (gitt eller ikke gjennomført)</translation>
    </message>
    <message>
      <source>pregnancy test</source>
      <translation>graviditetstest</translation>
    </message>
    <message>
      <source>{drug} given at {time} ({hours} h before the dose)</source>
      <translation>{drug} gitt kl. {time} ({hours} timer før dosen)</translation>
    </message>
    <message>
      <source>{drug} given at {time}: {hours} h before the dose, needs {min}–{max} h</source>
      <translation>{drug} gitt kl. {time}: {hours} timer før dosen, krav {min}–{max} timer</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Kopier</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Lim inn</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Gjør om</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Angre</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>Klipp &amp;ut</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Slett</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Merk alt</translation>
    </message>
  </context>
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>&amp;No</source>
      <translation>&amp;Nei</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>&amp;Ja</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Bruk</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Lukk</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Forkast</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Hjelp</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Ignorer</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Åpne</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Tilbakestill</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Prøv igjen</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lagre</translation>
    </message>
  </context>
  <context>
    <name>printouts</name>
    <message>
      <source>(to be completed by hand)</source>
      <translation>(fylles ut for hånd)</translation>
    </message>
    <message>
      <source>Administration</source>
      <translation>Administrering</translation>
    </message>
    <message>
      <source>Adverse events reported at this visit</source>
      <translation type="vanished">Uønskede hendelser meldt ved besøket</translation>
    </message>
    <message>
      <source>Answer and numbers used</source>
      <translation>Svar og verdier brukt</translation>
    </message>
    <message>
      <source>Audit trail</source>
      <translation>Revisjonsspor</translation>
    </message>
    <message>
      <source>CHANGED AFTER SIGNING</source>
      <translation>ENDRET ETTER SIGNERING</translation>
    </message>
    <message>
      <source>CTCAE suggestion</source>
      <translation>CTCAE-forslag</translation>
    </message>
    <message>
      <source>Canonical</source>
      <translation type="vanished">Standardenhet</translation>
    </message>
    <message>
      <source>Casebook</source>
      <translation>Pasientjournal for studien (CRF)</translation>
    </message>
    <message>
      <source>Confirmation by the person who gave the information</source>
      <translation>Bekreftelse fra den som har gitt informasjonen</translation>
    </message>
    <message>
      <source>Consent to take part in the study</source>
      <translation>Samtykke til deltakelse i studien</translation>
    </message>
    <message>
      <source>Corrections after entry</source>
      <translation>Korrigeringer etter registrering</translation>
    </message>
    <message>
      <source>Criterion</source>
      <translation>Kriterium</translation>
    </message>
    <message>
      <source>Dose visit summary</source>
      <translation>Oppsummering av dosebesøk</translation>
    </message>
    <message>
      <source>ELIGIBLE</source>
      <translation>KVALIFISERT</translation>
    </message>
    <message>
      <source>Electronically signed</source>
      <translation>Elektronisk signert</translation>
    </message>
    <message>
      <source>FAILED</source>
      <translation>IKKE OPPFYLT</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Felt</translation>
    </message>
    <message>
      <source>Form version</source>
      <translation>Skjemaversjon</translation>
    </message>
    <message>
      <source>GO</source>
      <translation>KLARERT</translation>
    </message>
    <message>
      <source>GO only with a reason (outside the window)</source>
      <translation>KLARERT bare med begrunnelse (utenfor vinduet)</translation>
    </message>
    <message>
      <source>Go / no-go</source>
      <translation>Klarert / ikke klarert</translation>
    </message>
    <message>
      <source>INCOMPLETE</source>
      <translation>UFULLSTENDIG</translation>
    </message>
    <message>
      <source>Id</source>
      <translation>Id</translation>
    </message>
    <message>
      <source>Inclusion and exclusion criteria</source>
      <translation>Inklusjons- og eksklusjonskriterier</translation>
    </message>
    <message>
      <source>Informed consent</source>
      <translation>Informert samtykke</translation>
    </message>
    <message>
      <source>NO-GO</source>
      <translation>IKKE KLARERT</translation>
    </message>
    <message>
      <source>NOT ELIGIBLE</source>
      <translation>IKKE KVALIFISERT</translation>
    </message>
    <message>
      <source>NOT SIGNED</source>
      <translation>IKKE SIGNERT</translation>
    </message>
    <message>
      <source>Old → new</source>
      <translation>Gammel → ny</translation>
    </message>
    <message>
      <source>Participant</source>
      <translation>Deltaker</translation>
    </message>
    <message>
      <source>Participant's name in block letters</source>
      <translation>Deltakers navn med trykte bokstaver</translation>
    </message>
    <message>
      <source>Participant's signature</source>
      <translation>Deltakers signatur</translation>
    </message>
    <message>
      <source>Participant's study id</source>
      <translation>Deltakerens studie-id</translation>
    </message>
    <message>
      <source>Place and date</source>
      <translation>Sted og dato</translation>
    </message>
    <message>
      <source>Pre-dose blood tests</source>
      <translation>Blodprøver før dosering</translation>
    </message>
    <message>
      <source>Pre-dose safety</source>
      <translation>Sikkerhet før dosering</translation>
    </message>
    <message>
      <source>Premedication</source>
      <translation>Premedisinering</translation>
    </message>
    <message>
      <source>Printed</source>
      <translation>Skrevet ut</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Begrunnelse</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Post</translation>
    </message>
    <message>
      <source>Role in the study</source>
      <translation>Rolle i studien</translation>
    </message>
    <message>
      <source>SIGNATURE INVALID — data changed after signing</source>
      <translation>SIGNATUREN ER UGYLDIG — data endret etter signering</translation>
    </message>
    <message>
      <source>Serious adverse event report</source>
      <translation>Rapport om alvorlig uønsket hendelse</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>Signatur</translation>
    </message>
    <message>
      <source>Signatures</source>
      <translation>Signaturer</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>Term</translation>
    </message>
    <message>
      <source>Test</source>
      <translation>Analyse</translation>
    </message>
    <message>
      <source>Verdict</source>
      <translation>Konklusjon</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Hva</translation>
    </message>
    <message>
      <source>When (local)</source>
      <translation>Når (lokal tid)</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Hvem</translation>
    </message>
    <message>
      <source>abdomen, left</source>
      <translation>abdomen, venstre</translation>
    </message>
    <message>
      <source>abdomen, right</source>
      <translation>abdomen, høyre</translation>
    </message>
    <message>
      <source>by</source>
      <translation>av</translation>
    </message>
    <message>
      <source>given</source>
      <translation>gitt</translation>
    </message>
    <message>
      <source>masked (blinded)</source>
      <translation>skjult (blindet)</translation>
    </message>
    <message>
      <source>met</source>
      <translation>oppfylt</translation>
    </message>
    <message>
      <source>missed</source>
      <translation>ikke gjennomført</translation>
    </message>
    <message>
      <source>missing</source>
      <translation>mangler</translation>
    </message>
    <message>
      <source>none</source>
      <translation>ingen</translation>
    </message>
    <message>
      <source>not applicable</source>
      <translation>ikke aktuelt</translation>
    </message>
    <message>
      <source>not given</source>
      <translation>ikke gitt</translation>
    </message>
    <message>
      <source>open</source>
      <translation>åpen</translation>
    </message>
    <message>
      <source>protocol</source>
      <translation>protokoll</translation>
    </message>
    <message>
      <source>version</source>
      <translation>versjon</translation>
    </message>
    <message>
      <source>Consent form</source>
      <translation>Samtykkeerklæring</translation>
    </message>
    <message>
      <source> — LATE</source>
      <translation> — FOR SENT</translation>
    </message>
    <message>
      <source>Action taken</source>
      <translation>Tiltak</translation>
    </message>
    <message>
      <source>Adverse events</source>
      <translation>Uønskede hendelser</translation>
    </message>
    <message>
      <source>Age at onset (years)</source>
      <translation>Alder ved debut (år)</translation>
    </message>
    <message>
      <source>Aware</source>
      <translation>Kjennskap</translation>
    </message>
    <message>
      <source>BP</source>
      <translation>BT</translation>
    </message>
    <message>
      <source>Causality to study drug</source>
      <translation>Årsakssammenheng med studielegemidlet</translation>
    </message>
    <message>
      <source>Checks below</source>
      <translation>Kontrollene under</translation>
    </message>
    <message>
      <source>Checks evaluated at</source>
      <translation>Kontroller vurdert</translation>
    </message>
    <message>
      <source>Concomitant medication</source>
      <translation>Samtidig medisinering</translation>
    </message>
    <message>
      <source>Consent</source>
      <translation>Samtykke</translation>
    </message>
    <message>
      <source>Copy given</source>
      <translation>Kopi gitt</translation>
    </message>
    <message>
      <source>Criteria</source>
      <translation>Kriterier</translation>
    </message>
    <message>
      <source>Deadline: </source>
      <translation>Frist: </translation>
    </message>
    <message>
      <source>Decided</source>
      <translation>Besluttet</translation>
    </message>
    <message>
      <source>Description / narrative</source>
      <translation>Beskrivelse av hendelsesforløpet</translation>
    </message>
    <message>
      <source>Doses given</source>
      <translation>Doser gitt</translation>
    </message>
    <message>
      <source>Drug</source>
      <translation>Legemiddel</translation>
    </message>
    <message>
      <source>Ended</source>
      <translation>Avsluttet</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Hendelse</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Ikke oppfylt</translation>
    </message>
    <message>
      <source>Given</source>
      <translation>Gitt</translation>
    </message>
    <message>
      <source>Given by</source>
      <translation>Gitt av</translation>
    </message>
    <message>
      <source>Grade (CTCAE v{version})</source>
      <translation>Grad (CTCAE v{version})</translation>
    </message>
    <message>
      <source>Highlighted rows changed after the eligibility signature.</source>
      <translation>Uthevede rader er endret etter signaturen for kvalifisering.</translation>
    </message>
    <message>
      <source>Hospital and dates of admission</source>
      <translation>Sykehus og innleggelsesdatoer</translation>
    </message>
    <message>
      <source>Inclusion date</source>
      <translation>Inklusjonsdato</translation>
    </message>
    <message>
      <source>Investigator signed</source>
      <translation>Utprøver signerte</translation>
    </message>
    <message>
      <source>Investigator's awareness</source>
      <translation>Utprøver fikk kjennskap</translation>
    </message>
    <message>
      <source>Investigator: name, signature, date</source>
      <translation>Utprøver: navn, signatur, dato</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Felt</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Språk</translation>
    </message>
    <message>
      <source>Live verdict</source>
      <translation>Gjeldende konklusjon</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>Mangler</translation>
    </message>
    <message>
      <source>NOT REPORTED — OVERDUE</source>
      <translation>IKKE RAPPORTERT — FORSINKET</translation>
    </message>
    <message>
      <source>No-go overridden, reason</source>
      <translation>NO-GO overstyrt, begrunnelse</translation>
    </message>
    <message>
      <source>None recorded.</source>
      <translation>Ingen registrert.</translation>
    </message>
    <message>
      <source>Obtained by</source>
      <translation>Innhentet av</translation>
    </message>
    <message>
      <source>Other blood results</source>
      <translation>Andre blodprøvesvar</translation>
    </message>
    <message>
      <source>Participant signed</source>
      <translation>Deltaker signerte</translation>
    </message>
    <message>
      <source>Protocol</source>
      <translation>Protokoll</translation>
    </message>
    <message>
      <source>Reason (outside window)</source>
      <translation>Begrunnelse (utenfor vindu)</translation>
    </message>
    <message>
      <source>Recorded in TrialDesk by</source>
      <translation>Registrert i TrialDesk av</translation>
    </message>
    <message>
      <source>Relevant medical history</source>
      <translation>Relevant sykehistorie</translation>
    </message>
    <message>
      <source>Relevant tests and results</source>
      <translation>Relevante undersøkelser og resultater</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Rapport</translation>
    </message>
    <message>
      <source>Report to the sponsor within {hours} h of awareness. </source>
      <translation>Rapporter til sponsor innen {hours} timer etter kjennskap. </translation>
    </message>
    <message>
      <source>Report type (initial / follow-up)</source>
      <translation>Rapporttype (første / oppfølging)</translation>
    </message>
    <message>
      <source>Reported to sponsor</source>
      <translation>Rapportert til sponsor</translation>
    </message>
    <message>
      <source>Reported to the sponsor</source>
      <translation>Rapportert til sponsor</translation>
    </message>
    <message>
      <source>Reporting deadline</source>
      <translation>Rapporteringsfrist</translation>
    </message>
    <message>
      <source>SERIOUS</source>
      <translation>ALVORLIG</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>Alvorlighetsgrad</translation>
    </message>
    <message>
      <source>Signed eligibility decisions</source>
      <translation>Signerte kvalifiseringsbeslutninger</translation>
    </message>
    <message>
      <source>Sponsor: received (date, time, by)</source>
      <translation>Sponsor: mottatt (dato, tid, av)</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>Startet</translation>
    </message>
    <message>
      <source>Study / protocol</source>
      <translation>Studie / protokoll</translation>
    </message>
    <message>
      <source>Study drug and causality</source>
      <translation>Studielegemiddel og årsakssammenheng</translation>
    </message>
    <message>
      <source>Term (CTCAE v{version})</source>
      <translation>Term (CTCAE v{version})</translation>
    </message>
    <message>
      <source>To complete by hand (not held in TrialDesk)</source>
      <translation>Fylles ut for hånd (finnes ikke i TrialDesk)</translation>
    </message>
    <message>
      <source>Treatment</source>
      <translation>Behandling</translation>
    </message>
    <message>
      <source>Treatment of the event</source>
      <translation>Behandling av hendelsen</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Verdi</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>Versjon</translation>
    </message>
    <message>
      <source>Vital signs after</source>
      <translation>Vitale parametre etter</translation>
    </message>
    <message>
      <source>Vital signs before</source>
      <translation>Vitale parametre før</translation>
    </message>
    <message>
      <source>blinded (kit numbers only)</source>
      <translation>blindet (bare kitnummer)</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>ikke oppfylt</translation>
    </message>
    <message>
      <source>investigator signed</source>
      <translation>utprøver signerte</translation>
    </message>
    <message>
      <source>none planned</source>
      <translation>ingen planlagt</translation>
    </message>
    <message>
      <source>not yet reported</source>
      <translation>ikke rapportert ennå</translation>
    </message>
    <message>
      <source>obtained by</source>
      <translation>innhentet av</translation>
    </message>
    <message>
      <source>ongoing</source>
      <translation>pågående</translation>
    </message>
    <message>
      <source>participant signed</source>
      <translation>deltaker signerte</translation>
    </message>
    <message>
      <source>pulse</source>
      <translation>puls</translation>
    </message>
    <message>
      <source>re-evaluated with the data on file now, at the time of administration </source>
      <translation>vurdert på nytt med dagens data, på administreringstidspunktet </translation>
    </message>
    <message>
      <source>recorded at administration</source>
      <translation>registrert ved administrering</translation>
    </message>
    <message>
      <source>reported to the sponsor</source>
      <translation>rapportert til sponsor</translation>
    </message>
    <message>
      <source>window</source>
      <translation>vindu</translation>
    </message>
    <message>
      <source>† and highlighted rows: value changed after the eligibility signature. Times are Europe/Oslo.</source>
      <translation type="vanished">† og uthevede rader: verdien er endret etter signaturen for kvalifisering. Tider er norsk tid.</translation>
    </message>
    <message>
      <source> lot {lot}</source>
      <translation> batch {lot}</translation>
    </message>
    <message>
      <source>{dose} {at} kit {kit}</source>
      <translation>{dose} {at} kit {kit}</translation>
    </message>
    <message>
      <source>Concomitant medications</source>
      <translation>Samtidige legemidler</translation>
    </message>
    <message>
      <source>Course of the study (disposition)</source>
      <translation>Forløpet i studien (disposisjon)</translation>
    </message>
    <message>
      <source>Premedication before each dose is in the dose visits above.</source>
      <translation>Premedisinering før hver dose står under dosebesøkene ovenfor.</translation>
    </message>
    <message>
      <source>awaiting the investigator's review</source>
      <translation>venter på utprøvers vurdering</translation>
    </message>
    <message>
      <source>Adverse events reported at this contact</source>
      <translation>Uønskede hendelser meldt ved denne kontakten</translation>
    </message>
    <message>
      <source>Blood tests at the consultation</source>
      <translation>Blodprøver ved konsultasjonen</translation>
    </message>
    <message>
      <source>Contact attempts</source>
      <translation>Kontaktforsøk</translation>
    </message>
    <message>
      <source>Contact summary</source>
      <translation>Kontaktsammendrag</translation>
    </message>
    <message>
      <source>Contacts and follow-ups</source>
      <translation>Kontakter og oppfølging</translation>
    </message>
    <message>
      <source>Times are Europe/Oslo.</source>
      <translation>Tider er Europe/Oslo.</translation>
    </message>
    <message>
      <source>Fingerprint</source>
      <translation>Fingeravtrykk</translation>
    </message>
    <message>
      <source>Fingerprints read aloud and found the same, at {site}</source>
      <translation>Fingeravtrykkene er lest høyt og funnet like, ved {site}</translation>
    </message>
    <message>
      <source>Keys made</source>
      <translation>Nøkler laget</translation>
    </message>
    <message>
      <source>Name in block letters</source>
      <translation>Navn med blokkbokstaver</translation>
    </message>
    <message>
      <source>Paired workstation</source>
      <translation>Paret arbeidsstasjon</translation>
    </message>
    <message>
      <source>Read the fingerprints aloud, group by group, with the person at the other workstation (by phone or side by side), and compare them with what the other workstation shows. Pair only when every group is the same. Printed on {date}; keep the signed card in the trial master file.</source>
      <translation>Les fingeravtrykkene høyt, gruppe for gruppe, sammen med personen ved den andre arbeidsstasjonen (på telefon eller side om side), og sammenlign dem med det den andre arbeidsstasjonen viser. Par bare når hver gruppe er lik. Skrevet ut {date}; oppbevar det signerte kortet i studiepermen (TMF).</translation>
    </message>
    <message>
      <source>Store id</source>
      <translation>Database-id</translation>
    </message>
    <message>
      <source>Study</source>
      <translation>Studie</translation>
    </message>
    <message>
      <source>This workstation</source>
      <translation>Denne arbeidsstasjonen</translation>
    </message>
    <message>
      <source>Workstation pairing card</source>
      <translation>Paringskort for arbeidsstasjon</translation>
    </message>
    <message>
      <source>Converted</source>
      <translation>Omregnet</translation>
    </message>
    <message>
      <source>Adverse events reported at or since this visit</source>
      <translation>Uønskede hendelser meldt ved eller etter besøket</translation>
    </message>
    <message>
      <source>Digest here</source>
      <translation>Sjekksum her</translation>
    </message>
    <message>
      <source>Digest there</source>
      <translation>Sjekksum der</translation>
    </message>
    <message>
      <source>Equal</source>
      <translation>Lik</translation>
    </message>
    <message>
      <source>Exchange reconciliation report</source>
      <translation>Avstemmingsrapport for utveksling</translation>
    </message>
    <message>
      <source>For each participant, a digest of every record of theirs at this workstation and at the paired workstation, as that workstation reported it in its last bundle. The digests are equal when both hold the same data: after a full exchange every row says yes.</source>
      <translation>For hver deltaker en sjekksum over alle deltakerens poster på denne arbeidsstasjonen og på den parede arbeidsstasjonen, slik den oppga den i sin siste pakke. Sjekksummene er like når begge har de samme dataene: etter en full utveksling står det ja på hver rad.</translation>
    </message>
    <message>
      <source>Last bundle received from it</source>
      <translation>Siste pakke mottatt derfra</translation>
    </message>
    <message>
      <source>NO</source>
      <translation>NEI</translation>
    </message>
    <message>
      <source>Open conflicts</source>
      <translation>Åpne konflikter</translation>
    </message>
    <message>
      <source>Study id</source>
      <translation>Studie-id</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <source>{equal} of {total} participants equal at both workstations.</source>
      <translation>{equal} av {total} deltakere er like på begge arbeidsstasjonene.</translation>
    </message>
    <message>
      <source>Audit seal</source>
      <translation>Revisjonssegl</translation>
    </message>
    <message>
      <source>{who}, {at} — {meaning} (record time {utc})</source>
      <translation>{who}, {at} — {meaning} (registreringstid {utc})</translation>
    </message>
    <message>
      <source>† and highlighted rows: value changed after the eligibility signature. Times are Europe/Oslo (with their offset from UTC where given); an e-signature also keeps its UTC record time.</source>
      <translation>† og uthevede rader: verdien er endret etter signaturen for kvalifisering. Tider er norsk tid, Europe/Oslo (med avviket fra UTC der det er oppgitt); en e-signatur har også sin registreringstid i UTC.</translation>
    </message>
    <message>
      <source>not discontinued</source>
      <translation>ikke seponert</translation>
    </message>
  </context>
  <context>
    <name>records</name>
    <message>
      <source>(empty)</source>
      <translation>(tom)</translation>
    </message>
    <message>
      <source>(hidden)</source>
      <translation>(skjult)</translation>
    </message>
    <message>
      <source>(new record)</source>
      <translation>(ny post)</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>Administrator</translation>
    </message>
    <message>
      <source>Adverse event</source>
      <translation>Uønsket hendelse</translation>
    </message>
    <message>
      <source>BP diastolic after</source>
      <translation>BT diastolisk etter</translation>
    </message>
    <message>
      <source>BP diastolic before</source>
      <translation>BT diastolisk før</translation>
    </message>
    <message>
      <source>BP systolic after</source>
      <translation>BT systolisk etter</translation>
    </message>
    <message>
      <source>BP systolic before</source>
      <translation>BT systolisk før</translation>
    </message>
    <message>
      <source>Blood result</source>
      <translation>Blodprøvesvar</translation>
    </message>
    <message>
      <source>Blood sample</source>
      <translation>Blodprøve</translation>
    </message>
    <message>
      <source>CTCAE grade</source>
      <translation>CTCAE-grad</translation>
    </message>
    <message>
      <source>CTCAE term</source>
      <translation>CTCAE-term</translation>
    </message>
    <message>
      <source>CTCAE version</source>
      <translation>CTCAE-versjon</translation>
    </message>
    <message>
      <source>Canadian criteria met</source>
      <translation>Kanadiske kriterier oppfylt</translation>
    </message>
    <message>
      <source>Candidate</source>
      <translation>Kandidat</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>Fullført</translation>
    </message>
    <message>
      <source>Consent</source>
      <translation>Samtykke</translation>
    </message>
    <message>
      <source>Dose visit</source>
      <translation>Dosebesøk</translation>
    </message>
    <message>
      <source>Eligibility decision</source>
      <translation>Kvalifikasjonsbeslutning</translation>
    </message>
    <message>
      <source>English</source>
      <translation>Engelsk</translation>
    </message>
    <message>
      <source>Enrolled (baseline)</source>
      <translation>Inkludert (før 1. dose)</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Oppfølging</translation>
    </message>
    <message>
      <source>GO</source>
      <translation>GO</translation>
    </message>
    <message>
      <source>GO with reason (outside window)</source>
      <translation>GO med begrunnelse (utenfor tidsvindu)</translation>
    </message>
    <message>
      <source>GP</source>
      <translation>fastlege</translation>
    </message>
    <message>
      <source>H (high)</source>
      <translation type="vanished">H (høy)</translation>
    </message>
    <message>
      <source>Identity</source>
      <translation>Identitet</translation>
    </message>
    <message>
      <source>IgG (g/L)</source>
      <translation>IgG (g/L)</translation>
    </message>
    <message>
      <source>IgG as entered</source>
      <translation>IgG som registrert</translation>
    </message>
    <message>
      <source>IgG unit</source>
      <translation>IgG-enhet</translation>
    </message>
    <message>
      <source>Injection</source>
      <translation>Injeksjon</translation>
    </message>
    <message>
      <source>Investigator</source>
      <translation>Utprøver</translation>
    </message>
    <message>
      <source>Judgement</source>
      <translation>Vurdering</translation>
    </message>
    <message>
      <source>L (low)</source>
      <translation type="vanished">L (lav)</translation>
    </message>
    <message>
      <source>ME/CFS onset date</source>
      <translation>Debutdato for ME/CFS</translation>
    </message>
    <message>
      <source>Monitor</source>
      <translation>Monitor</translation>
    </message>
    <message>
      <source>NK (×10^6/L)</source>
      <translation>NK (×10^6/L)</translation>
    </message>
    <message>
      <source>NK as entered</source>
      <translation>NK som registrert</translation>
    </message>
    <message>
      <source>NK unit</source>
      <translation>NK-enhet</translation>
    </message>
    <message>
      <source>NO-GO (overridden)</source>
      <translation>NO-GO (overstyrt)</translation>
    </message>
    <message>
      <source>Norwegian Bokmål</source>
      <translation type="vanished" />
    </message>
    <message>
      <source>On treatment</source>
      <translation>Under behandling</translation>
    </message>
    <message>
      <source>Participant</source>
      <translation>Deltaker</translation>
    </message>
    <message>
      <source>Premedication</source>
      <translation>Premedisinering</translation>
    </message>
    <message>
      <source>SAE report</source>
      <translation>AUH-rapport</translation>
    </message>
    <message>
      <source>SAE reported at</source>
      <translation>AUH meldt</translation>
    </message>
    <message>
      <source>SAE: congenital anomaly</source>
      <translation type="vanished">AUH: medfødt misdannelse</translation>
    </message>
    <message>
      <source>SAE: death</source>
      <translation type="vanished">AUH: død</translation>
    </message>
    <message>
      <source>SAE: disability</source>
      <translation type="vanished">AUH: uførhet</translation>
    </message>
    <message>
      <source>SAE: hospitalisation</source>
      <translation type="vanished">AUH: sykehusinnleggelse</translation>
    </message>
    <message>
      <source>SAE: important medical event</source>
      <translation>AUH: viktig medisinsk hendelse</translation>
    </message>
    <message>
      <source>SAE: life-threatening</source>
      <translation>AUH: livstruende</translation>
    </message>
    <message>
      <source>Screen failure</source>
      <translation>Screeningsvikt</translation>
    </message>
    <message>
      <source>Screening</source>
      <translation>Screening</translation>
    </message>
    <message>
      <source>Setting</source>
      <translation>Innstilling</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>Signatur</translation>
    </message>
    <message>
      <source>Study nurse</source>
      <translation type="vanished" />
    </message>
    <message>
      <source>User</source>
      <translation>Bruker</translation>
    </message>
    <message>
      <source>Visit calendar</source>
      <translation>Besøksplan</translation>
    </message>
    <message>
      <source>Withdrawn</source>
      <translation>Trukket fra studien</translation>
    </message>
    <message>
      <source>abdomen left</source>
      <translation>abdomen venstre</translation>
    </message>
    <message>
      <source>abdomen right</source>
      <translation>abdomen høyre</translation>
    </message>
    <message>
      <source>action with study drug</source>
      <translation>tiltak med studielegemidlet</translation>
    </message>
    <message>
      <source>active</source>
      <translation>aktiv</translation>
    </message>
    <message>
      <source>alert card</source>
      <translation>pasientkort</translation>
    </message>
    <message>
      <source>analyte</source>
      <translation>analytt</translation>
    </message>
    <message>
      <source>answer</source>
      <translation>svar</translation>
    </message>
    <message>
      <source>aware at</source>
      <translation>kjent fra</translation>
    </message>
    <message>
      <source>before the dose</source>
      <translation>før dosen</translation>
    </message>
    <message>
      <source>birth date</source>
      <translation>fødselsdato</translation>
    </message>
    <message>
      <source>casebook</source>
      <translation>pasientjournal for studien (CRF)</translation>
    </message>
    <message>
      <source>causality</source>
      <translation>årsakssammenheng</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>endret</translation>
    </message>
    <message>
      <source>checklist hash</source>
      <translation>sjekkliste-hash</translation>
    </message>
    <message>
      <source>childbearing potential</source>
      <translation>fertil</translation>
    </message>
    <message>
      <source>consent form</source>
      <translation>samtykkeskjema</translation>
    </message>
    <message>
      <source>consultation</source>
      <translation>konsultasjon</translation>
    </message>
    <message>
      <source>context</source>
      <translation>sammenheng</translation>
    </message>
    <message>
      <source>copy given</source>
      <translation>kopi gitt</translation>
    </message>
    <message>
      <source>criterion</source>
      <translation>kriterium</translation>
    </message>
    <message>
      <source>decided at</source>
      <translation>besluttet</translation>
    </message>
    <message>
      <source>definitely related</source>
      <translation>sikkert relatert</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>slettet</translation>
    </message>
    <message>
      <source>done on</source>
      <translation>gjennomført</translation>
    </message>
    <message>
      <source>dose</source>
      <translation>dose</translation>
    </message>
    <message>
      <source>dose delayed</source>
      <translation>dose utsatt</translation>
    </message>
    <message>
      <source>dose not given</source>
      <translation>dose ikke gitt</translation>
    </message>
    <message>
      <source>dose visit</source>
      <translation>dosebesøk</translation>
    </message>
    <message>
      <source>drug</source>
      <translation>legemiddel</translation>
    </message>
    <message>
      <source>eligible</source>
      <translation>kvalifisert</translation>
    </message>
    <message>
      <source>end date</source>
      <translation>sluttdato</translation>
    </message>
    <message>
      <source>end of study</source>
      <translation>studieslutt</translation>
    </message>
    <message>
      <source>ended at</source>
      <translation>avsluttet</translation>
    </message>
    <message>
      <source>entered</source>
      <translation>registrert</translation>
    </message>
    <message>
      <source>failed criteria</source>
      <translation>kriterier ikke oppfylt</translation>
    </message>
    <message>
      <source>failed sign-ins</source>
      <translation>mislykkede innlogginger</translation>
    </message>
    <message>
      <source>fatal</source>
      <translation>dødelig</translation>
    </message>
    <message>
      <source>female</source>
      <translation>kvinne</translation>
    </message>
    <message>
      <source>flag</source>
      <translation>flagg</translation>
    </message>
    <message>
      <source>form version</source>
      <translation>skjemaversjon</translation>
    </message>
    <message>
      <source>given</source>
      <translation>gitt</translation>
    </message>
    <message>
      <source>given at</source>
      <translation>gitt</translation>
    </message>
    <message>
      <source>given by</source>
      <translation>gitt av</translation>
    </message>
    <message>
      <source>grade</source>
      <translation type="vanished">grad</translation>
    </message>
    <message>
      <source>identity number</source>
      <translation>fødselsnummer</translation>
    </message>
    <message>
      <source>inclusion date</source>
      <translation>inklusjonsdato</translation>
    </message>
    <message>
      <source>infection</source>
      <translation>infeksjon</translation>
    </message>
    <message>
      <source>injection site</source>
      <translation>injeksjonssted</translation>
    </message>
    <message>
      <source>kind</source>
      <translation>type</translation>
    </message>
    <message>
      <source>kit number</source>
      <translation>kitnummer</translation>
    </message>
    <message>
      <source>language</source>
      <translation>språk</translation>
    </message>
    <message>
      <source>locked until</source>
      <translation>låst til</translation>
    </message>
    <message>
      <source>long-term follow-up</source>
      <translation>langtidsoppfølging</translation>
    </message>
    <message>
      <source>lot</source>
      <translation type="vanished">batch</translation>
    </message>
    <message>
      <source>male</source>
      <translation>mann</translation>
    </message>
    <message>
      <source>masked (blinded)</source>
      <translation>skjult (blindet)</translation>
    </message>
    <message>
      <source>meaning</source>
      <translation>betydning</translation>
    </message>
    <message>
      <source>mild</source>
      <translation>mild</translation>
    </message>
    <message>
      <source>mild/moderate</source>
      <translation>mild/moderat</translation>
    </message>
    <message>
      <source>moderate</source>
      <translation>moderat</translation>
    </message>
    <message>
      <source>moderate/severe</source>
      <translation>moderat/alvorlig</translation>
    </message>
    <message>
      <source>name</source>
      <translation>navn</translation>
    </message>
    <message>
      <source>negative</source>
      <translation>negativ</translation>
    </message>
    <message>
      <source>no</source>
      <translation>nei</translation>
    </message>
    <message>
      <source>none</source>
      <translation>ingen</translation>
    </message>
    <message>
      <source>none (dose not changed)</source>
      <translation>ingen (dosen ikke endret)</translation>
    </message>
    <message>
      <source>not applicable</source>
      <translation>ikke relevant</translation>
    </message>
    <message>
      <source>not eligible</source>
      <translation>ikke kvalifisert</translation>
    </message>
    <message>
      <source>not given</source>
      <translation>ikke gitt</translation>
    </message>
    <message>
      <source>not given (missed)</source>
      <translation>ikke gitt (ikke gjennomført)</translation>
    </message>
    <message>
      <source>not recovered</source>
      <translation>ikke restituert</translation>
    </message>
    <message>
      <source>not related</source>
      <translation>ikke relatert</translation>
    </message>
    <message>
      <source>note</source>
      <translation>merknad</translation>
    </message>
    <message>
      <source>observe until</source>
      <translation>observer til</translation>
    </message>
    <message>
      <source>obtained by</source>
      <translation>innhentet av</translation>
    </message>
    <message>
      <source>onset date</source>
      <translation>startdato</translation>
    </message>
    <message>
      <source>onset trigger</source>
      <translation>utløsende faktor</translation>
    </message>
    <message>
      <source>open</source>
      <translation>åpen</translation>
    </message>
    <message>
      <source>open criteria</source>
      <translation>ubesvarte kriterier</translation>
    </message>
    <message>
      <source>other immunological</source>
      <translation>annen immunologisk</translation>
    </message>
    <message>
      <source>other, specify</source>
      <translation>annet, spesifiser</translation>
    </message>
    <message>
      <source>outcome</source>
      <translation>utfall</translation>
    </message>
    <message>
      <source>override reason</source>
      <translation>begrunnelse for overstyring</translation>
    </message>
    <message>
      <source>override signature</source>
      <translation>signatur for overstyring</translation>
    </message>
    <message>
      <source>pages</source>
      <translation>sider</translation>
    </message>
    <message>
      <source>password</source>
      <translation>passord</translation>
    </message>
    <message>
      <source>password set at</source>
      <translation>passord satt</translation>
    </message>
    <message>
      <source>phone</source>
      <translation>telefon</translation>
    </message>
    <message>
      <source>positive</source>
      <translation>positiv</translation>
    </message>
    <message>
      <source>possible</source>
      <translation>mulig</translation>
    </message>
    <message>
      <source>pregnancy test</source>
      <translation>graviditetstest</translation>
    </message>
    <message>
      <source>printed</source>
      <translation>skrevet ut</translation>
    </message>
    <message>
      <source>printed name</source>
      <translation>navn med blokkbokstaver</translation>
    </message>
    <message>
      <source>probable</source>
      <translation>sannsynlig</translation>
    </message>
    <message>
      <source>protocol unit</source>
      <translation>protokollenhet</translation>
    </message>
    <message>
      <source>protocol version</source>
      <translation>protokollversjon</translation>
    </message>
    <message>
      <source>pulse after</source>
      <translation>puls etter</translation>
    </message>
    <message>
      <source>pulse before</source>
      <translation>puls før</translation>
    </message>
    <message>
      <source>read back</source>
      <translation>lest tilbake</translation>
    </message>
    <message>
      <source>recovered</source>
      <translation>restituert</translation>
    </message>
    <message>
      <source>recovered with sequelae</source>
      <translation>restituert med følgetilstand</translation>
    </message>
    <message>
      <source>recovering</source>
      <translation>i bedring</translation>
    </message>
    <message>
      <source>reported at visit</source>
      <translation>meldt ved besøk</translation>
    </message>
    <message>
      <source>role</source>
      <translation>rolle</translation>
    </message>
    <message>
      <source>sampled at</source>
      <translation>prøvetakingstidspunkt</translation>
    </message>
    <message>
      <source>screening date</source>
      <translation>screeningdato</translation>
    </message>
    <message>
      <source>screening summary</source>
      <translation>screeningsammendrag</translation>
    </message>
    <message>
      <source>serious</source>
      <translation>alvorlig</translation>
    </message>
    <message>
      <source>setting</source>
      <translation>innstilling</translation>
    </message>
    <message>
      <source>severe</source>
      <translation>alvorlig</translation>
    </message>
    <message>
      <source>severity</source>
      <translation>alvorlighetsgrad</translation>
    </message>
    <message>
      <source>sex</source>
      <translation>kjønn</translation>
    </message>
    <message>
      <source>signature</source>
      <translation>signatur</translation>
    </message>
    <message>
      <source>signed at</source>
      <translation>signert</translation>
    </message>
    <message>
      <source>signed by</source>
      <translation>signert av</translation>
    </message>
    <message>
      <source>signed by investigator</source>
      <translation>signert av utprøver</translation>
    </message>
    <message>
      <source>signed by participant</source>
      <translation>signert av deltaker</translation>
    </message>
    <message>
      <source>signed content hash</source>
      <translation>hash av signert innhold</translation>
    </message>
    <message>
      <source>signed record</source>
      <translation>signert post</translation>
    </message>
    <message>
      <source>signed record id</source>
      <translation>ID for signert post</translation>
    </message>
    <message>
      <source>started at</source>
      <translation>startet</translation>
    </message>
    <message>
      <source>state</source>
      <translation>status</translation>
    </message>
    <message>
      <source>status</source>
      <translation>status</translation>
    </message>
    <message>
      <source>study drug withdrawn</source>
      <translation>studielegemiddel seponert</translation>
    </message>
    <message>
      <source>study id</source>
      <translation>studie-ID</translation>
    </message>
    <message>
      <source>target date</source>
      <translation>måldato</translation>
    </message>
    <message>
      <source>temperature after</source>
      <translation>temperatur etter</translation>
    </message>
    <message>
      <source>temperature before</source>
      <translation>temperatur før</translation>
    </message>
    <message>
      <source>type and screen</source>
      <translation>blodtype og antistoffscreening</translation>
    </message>
    <message>
      <source>unblinded safety physician</source>
      <translation>ublindet sikkerhetslege</translation>
    </message>
    <message>
      <source>unit as entered</source>
      <translation>enhet som registrert</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>ukjent</translation>
    </message>
    <message>
      <source>unlikely</source>
      <translation>usannsynlig</translation>
    </message>
    <message>
      <source>user name</source>
      <translation>brukernavn</translation>
    </message>
    <message>
      <source>value</source>
      <translation>verdi</translation>
    </message>
    <message>
      <source>value (protocol unit)</source>
      <translation>verdi (protokollenhet)</translation>
    </message>
    <message>
      <source>value as entered</source>
      <translation>verdi som registrert</translation>
    </message>
    <message>
      <source>verbatim term</source>
      <translation>ordrett beskrivelse</translation>
    </message>
    <message>
      <source>verdict</source>
      <translation>vurdering</translation>
    </message>
    <message>
      <source>very severe</source>
      <translation>svært alvorlig</translation>
    </message>
    <message>
      <source>visit</source>
      <translation>besøk</translation>
    </message>
    <message>
      <source>visit (nb)</source>
      <translation>besøk (nb)</translation>
    </message>
    <message>
      <source>visit code</source>
      <translation>besøkskode</translation>
    </message>
    <message>
      <source>visit date</source>
      <translation>besøksdato</translation>
    </message>
    <message>
      <source>visit summary</source>
      <translation>besøksoppsummering</translation>
    </message>
    <message>
      <source>window from</source>
      <translation type="vanished">vindu fra</translation>
    </message>
    <message>
      <source>window reason</source>
      <translation>begrunnelse utenfor vindu</translation>
    </message>
    <message>
      <source>window to</source>
      <translation type="vanished">vindu til</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
    <message>
      <source>Norwegian (bokmål)</source>
      <translation>Norsk (bokmål)</translation>
    </message>
    <message>
      <source>Nurse</source>
      <translation>Studiesykepleier</translation>
    </message>
    <message>
      <source>SAE: congenital anomaly / birth defect</source>
      <translation>AUH: medfødt anomali / fødselsskade</translation>
    </message>
    <message>
      <source>SAE: persistent disability</source>
      <translation>AUH: varig uførhet</translation>
    </message>
    <message>
      <source>SAE: requires or prolongs hospitalisation</source>
      <translation>AUH: krever eller forlenger sykehusinnleggelse</translation>
    </message>
    <message>
      <source>SAE: results in death</source>
      <translation>AUH: fører til død</translation>
    </message>
    <message>
      <source>lot number</source>
      <translation>batchnummer</translation>
    </message>
    <message>
      <source>window ends</source>
      <translation>vinduet slutter</translation>
    </message>
    <message>
      <source>window starts</source>
      <translation>vinduet starter</translation>
    </message>
    <message>
      <source>H (above reference)</source>
      <translation>H (over referanseområdet)</translation>
    </message>
    <message>
      <source>L (below reference)</source>
      <translation>L (under referanseområdet)</translation>
    </message>
    <message>
      <source>temporary password</source>
      <translation>midlertidig passord</translation>
    </message>
    <message>
      <source>BP diastolic</source>
      <translation>BT diastolisk</translation>
    </message>
    <message>
      <source>BP systolic</source>
      <translation>BT systolisk</translation>
    </message>
    <message>
      <source>Concomitant medication</source>
      <translation>Samtidig legemiddel</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Kontakt</translation>
    </message>
    <message>
      <source>Contact attempt</source>
      <translation>Kontaktforsøk</translation>
    </message>
    <message>
      <source>Died</source>
      <translation>Død</translation>
    </message>
    <message>
      <source>Disposition</source>
      <translation>Forløpshendelse</translation>
    </message>
    <message>
      <source>Lost to follow-up</source>
      <translation>Tapt for oppfølging</translation>
    </message>
    <message>
      <source>adverse event</source>
      <translation>uønsket hendelse</translation>
    </message>
    <message>
      <source>agrees to safety follow-up by phone</source>
      <translation>samtykker til sikkerhetsoppfølging på telefon</translation>
    </message>
    <message>
      <source>at a doctor consultation</source>
      <translation>ved en legekonsultasjon</translation>
    </message>
    <message>
      <source>attempted at</source>
      <translation>forsøkt</translation>
    </message>
    <message>
      <source>completion confirmed</source>
      <translation>fullføring bekreftet</translation>
    </message>
    <message>
      <source>consent withdrawn</source>
      <translation>samtykke trukket tilbake</translation>
    </message>
    <message>
      <source>contact</source>
      <translation>kontakt</translation>
    </message>
    <message>
      <source>contact date</source>
      <translation>kontaktdato</translation>
    </message>
    <message>
      <source>date</source>
      <translation type="vanished">dato</translation>
    </message>
    <message>
      <source>death</source>
      <translation>død</translation>
    </message>
    <message>
      <source>done</source>
      <translation>gjennomført</translation>
    </message>
    <message>
      <source>dose unit</source>
      <translation>doseenhet</translation>
    </message>
    <message>
      <source>event</source>
      <translation>hendelse</translation>
    </message>
    <message>
      <source>first dose given</source>
      <translation>første dose gitt</translation>
    </message>
    <message>
      <source>forbidden by the protocol</source>
      <translation>forbudt etter protokollen</translation>
    </message>
    <message>
      <source>frequency</source>
      <translation>hyppighet</translation>
    </message>
    <message>
      <source>given for adverse event</source>
      <translation>gitt for uønsket hendelse</translation>
    </message>
    <message>
      <source>indication</source>
      <translation>indikasjon</translation>
    </message>
    <message>
      <source>investigator's note on the forbidden medication</source>
      <translation>utprøvers merknad om det forbudte legemiddelet</translation>
    </message>
    <message>
      <source>last dose given: follow-up</source>
      <translation>siste dose gitt: oppfølging</translation>
    </message>
    <message>
      <source>lost to follow-up</source>
      <translation>tapt for oppfølging</translation>
    </message>
    <message>
      <source>medication</source>
      <translation>legemiddel</translation>
    </message>
    <message>
      <source>medication changes</source>
      <translation>endringer i medisinering</translation>
    </message>
    <message>
      <source>missed</source>
      <translation>ikke gjennomført</translation>
    </message>
    <message>
      <source>new or worsening symptoms since the last contact</source>
      <translation>nye eller forverrede symptomer siden forrige kontakt</translation>
    </message>
    <message>
      <source>no answer</source>
      <translation>ikke svar</translation>
    </message>
    <message>
      <source>no further contact or data collection</source>
      <translation>ingen videre kontakt eller datainnsamling</translation>
    </message>
    <message>
      <source>not reached</source>
      <translation>ikke nådd</translation>
    </message>
    <message>
      <source>ongoing</source>
      <translation>pågår</translation>
    </message>
    <message>
      <source>other</source>
      <translation>annet</translation>
    </message>
    <message>
      <source>participant reached</source>
      <translation>deltaker nådd</translation>
    </message>
    <message>
      <source>physical examination done</source>
      <translation>klinisk undersøkelse utført</translation>
    </message>
    <message>
      <source>physical examination findings</source>
      <translation>funn ved klinisk undersøkelse</translation>
    </message>
    <message>
      <source>pulse</source>
      <translation>puls</translation>
    </message>
    <message>
      <source>questionnaire form received</source>
      <translation>spørreskjema mottatt</translation>
    </message>
    <message>
      <source>reached</source>
      <translation>nådd</translation>
    </message>
    <message>
      <source>reason</source>
      <translation>begrunnelse</translation>
    </message>
    <message>
      <source>reason missed</source>
      <translation>årsak til at kontakten ikke ble gjennomført</translation>
    </message>
    <message>
      <source>recorded by</source>
      <translation>registrert av</translation>
    </message>
    <message>
      <source>reported at contact</source>
      <translation>meldt ved kontakt</translation>
    </message>
    <message>
      <source>route</source>
      <translation>administrasjonsvei</translation>
    </message>
    <message>
      <source>start date</source>
      <translation>startdato</translation>
    </message>
    <message>
      <source>status after</source>
      <translation>status etter</translation>
    </message>
    <message>
      <source>status before</source>
      <translation>status før</translation>
    </message>
    <message>
      <source>stop date</source>
      <translation>sluttdato</translation>
    </message>
    <message>
      <source>study completed</source>
      <translation>studien fullført</translation>
    </message>
    <message>
      <source>study drug discontinued</source>
      <translation>studiemedisin seponert</translation>
    </message>
    <message>
      <source>study drug discontinued on</source>
      <translation>studiemedisin seponert den</translation>
    </message>
    <message>
      <source>temperature</source>
      <translation>temperatur</translation>
    </message>
    <message>
      <source>voicemail left</source>
      <translation>talebeskjed lagt igjen</translation>
    </message>
    <message>
      <source>weight</source>
      <translation>vekt</translation>
    </message>
    <message>
      <source>what the participant still agrees to</source>
      <translation>hva deltakeren fortsatt samtykker til</translation>
    </message>
    <message>
      <source>wrong number</source>
      <translation>feil nummer</translation>
    </message>
    <message>
      <source>in the ear</source>
      <translation>i øret</translation>
    </message>
    <message>
      <source>in the eye</source>
      <translation>i øyet</translation>
    </message>
    <message>
      <source>inhaled</source>
      <translation>inhalert</translation>
    </message>
    <message>
      <source>into a joint</source>
      <translation>i et ledd (intraartikulært)</translation>
    </message>
    <message>
      <source>intramuscular</source>
      <translation>intramuskulært</translation>
    </message>
    <message>
      <source>intravenous</source>
      <translation>intravenøst</translation>
    </message>
    <message>
      <source>nasal</source>
      <translation>nasalt</translation>
    </message>
    <message>
      <source>on the skin (topical)</source>
      <translation>på huden (kutant)</translation>
    </message>
    <message>
      <source>oral</source>
      <translation>oralt</translation>
    </message>
    <message>
      <source>other route</source>
      <translation>annen administrasjonsvei</translation>
    </message>
    <message>
      <source>rectal</source>
      <translation>rektalt</translation>
    </message>
    <message>
      <source>subcutaneous</source>
      <translation>subkutant</translation>
    </message>
    <message>
      <source>transdermal (patch)</source>
      <translation>transdermalt (plaster)</translation>
    </message>
    <message>
      <source>vaginal</source>
      <translation>vaginalt</translation>
    </message>
    <message>
      <source>date of the event</source>
      <translation>dato for hendelsen</translation>
    </message>
    <message>
      <source>contact summary</source>
      <translation>kontaktsammendrag</translation>
    </message>
    <message>
      <source>in the nose (nasal)</source>
      <translation type="vanished">i nesen (nasalt)</translation>
    </message>
    <message>
      <source>Paired workstation</source>
      <translation>Paret arbeidsstasjon</translation>
    </message>
    <message>
      <source>encryption public key</source>
      <translation>offentlig krypteringsnøkkel</translation>
    </message>
    <message>
      <source>fingerprint</source>
      <translation>fingeravtrykk</translation>
    </message>
    <message>
      <source>keys made at</source>
      <translation>nøkler laget</translation>
    </message>
    <message>
      <source>paired at</source>
      <translation>paret</translation>
    </message>
    <message>
      <source>paired by</source>
      <translation>paret av</translation>
    </message>
    <message>
      <source>pairing card</source>
      <translation>paringskort</translation>
    </message>
    <message>
      <source>reason for revoking</source>
      <translation>grunn til tilbaketrekking</translation>
    </message>
    <message>
      <source>revoked at</source>
      <translation>trukket tilbake</translation>
    </message>
    <message>
      <source>revoked by</source>
      <translation>trukket tilbake av</translation>
    </message>
    <message>
      <source>signing public key</source>
      <translation>offentlig signeringsnøkkel</translation>
    </message>
    <message>
      <source>site code</source>
      <translation>studiestedskode</translation>
    </message>
    <message>
      <source>site name</source>
      <translation>studiestedets navn</translation>
    </message>
    <message>
      <source>store id</source>
      <translation>database-id</translation>
    </message>
    <message>
      <source>study</source>
      <translation>studie</translation>
    </message>
    <message>
      <source>Exchange conflict resolved</source>
      <translation>Utvekslingskonflikt avgjort</translation>
    </message>
    <message>
      <source>changes decided on</source>
      <translation>endringer avgjørelsen gjelder</translation>
    </message>
    <message>
      <source>conflict</source>
      <translation>konflikt</translation>
    </message>
    <message>
      <source>decision</source>
      <translation>avgjørelse</translation>
    </message>
    <message>
      <source>field</source>
      <translation type="vanished">felt</translation>
    </message>
    <message>
      <source>kind of conflict</source>
      <translation>type konflikt</translation>
    </message>
    <message>
      <source>record</source>
      <translation>post</translation>
    </message>
    <message>
      <source>record id</source>
      <translation>post-id</translation>
    </message>
    <message>
      <source>record kept</source>
      <translation>post beholdt</translation>
    </message>
    <message>
      <source>record removed</source>
      <translation>post fjernet</translation>
    </message>
    <message>
      <source>resolved at</source>
      <translation>avgjort</translation>
    </message>
    <message>
      <source>resolved by</source>
      <translation>avgjort av</translation>
    </message>
    <message>
      <source>site {site}</source>
      <translation>sted {site}</translation>
    </message>
    <message>
      <source>value kept</source>
      <translation>verdi beholdt</translation>
    </message>
    <message>
      <source>field decided</source>
      <translation>felt avgjort</translation>
    </message>
  </context>
  <context>
    <name>AddUserDialog</name>
    <message>
      <source>&amp;Add account</source>
      <translation>&amp;Legg til konto</translation>
    </message>
    <message>
      <source>&amp;Full name:</source>
      <translation>&amp;Fullt navn:</translation>
    </message>
    <message>
      <source>&amp;Role:</source>
      <translation>&amp;Rolle:</translation>
    </message>
    <message>
      <source>&amp;Temporary password:</source>
      <translation>&amp;Midlertidig passord:</translation>
    </message>
    <message>
      <source>&amp;User name:</source>
      <translation>&amp;Brukernavn:</translation>
    </message>
    <message>
      <source>Add a staff account</source>
      <translation>Legg til en personalkonto</translation>
    </message>
    <message>
      <source>Full name, as on signatures</source>
      <translation>Fullt navn, slik det står i signaturer</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rolle</translation>
    </message>
    <message>
      <source>Temporary password</source>
      <translation>Midlertidig passord</translation>
    </message>
    <message>
      <source>The first password is temporary: give it to the person; they choose their own at the first sign-in. Accounts are never deleted, only deactivated.</source>
      <translation>Det første passordet er midlertidig: gi det til personen, som velger sitt eget ved første innlogging. Kontoer slettes aldri, de deaktiveres.</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Brukernavn</translation>
    </message>
    <message>
      <source>e.g. nina.nurse</source>
      <translation>f.eks. nina.nilsen</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <source>&amp;Change password</source>
      <translation>&amp;Endre passord</translation>
    </message>
    <message>
      <source>&amp;Current password:</source>
      <translation>N&amp;åværende passord:</translation>
    </message>
    <message>
      <source>&amp;New password:</source>
      <translation>&amp;Nytt passord:</translation>
    </message>
    <message>
      <source>&amp;Temporary password:</source>
      <translation>&amp;Midlertidig passord:</translation>
    </message>
    <message>
      <source>At least 10 characters, letters mixed with digits or symbols, not your user name.</source>
      <translation>Minst 10 tegn, bokstaver blandet med sifre eller symboler, ikke brukernavnet ditt.</translation>
    </message>
    <message>
      <source>Change my password</source>
      <translation>Endre mitt passord</translation>
    </message>
    <message>
      <source>Current password</source>
      <translation>Nåværende passord</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>Nytt passord</translation>
    </message>
    <message>
      <source>Sign &amp;out</source>
      <translation>Logg &amp;ut</translation>
    </message>
    <message>
      <source>Your password is temporary. Choose your own password before you continue.</source>
      <translation>Passordet ditt er midlertidig. Velg ditt eget passord før du fortsetter.</translation>
    </message>
  </context>
  <context>
    <name>ResetPasswordDialog</name>
    <message>
      <source>&amp;Reset password</source>
      <translation>&amp;Tilbakestill passord</translation>
    </message>
    <message>
      <source>&amp;Temporary password:</source>
      <translation>&amp;Midlertidig passord:</translation>
    </message>
    <message>
      <source>Give {user} a temporary password. They must choose their own at the next sign-in; a lockout ends too.</source>
      <translation>Gi {user} et midlertidig passord. Brukeren må velge sitt eget ved neste innlogging; en sperring oppheves også.</translation>
    </message>
    <message>
      <source>Reset password</source>
      <translation>Tilbakestill passord</translation>
    </message>
    <message>
      <source>Temporary password</source>
      <translation>Midlertidig passord</translation>
    </message>
  </context>
  <context>
    <name>RoleDialog</name>
    <message>
      <source>&amp;Change role</source>
      <translation>&amp;Endre rolle</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Begrunnelse:</translation>
    </message>
    <message>
      <source>Change role</source>
      <translation>Endre rolle</translation>
    </message>
    <message>
      <source>New &amp;role:</source>
      <translation>Ny &amp;rolle:</translation>
    </message>
    <message>
      <source>New role</source>
      <translation>Ny rolle</translation>
    </message>
    <message>
      <source>Reason for change</source>
      <translation>Begrunnelse for endring</translation>
    </message>
    <message>
      <source>{user} is now {role}. The new role takes effect at their next action; an open session is asked to sign in again.</source>
      <translation>{user} er nå {role}. Den nye rollen gjelder fra brukerens neste handling; en åpen økt blir bedt om å logge inn på nytt.</translation>
    </message>
  </context>
  <context>
    <name>SiteSettingsDialog</name>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>&amp;Backup folder:</source>
      <translation>Mappe for sikkerhets&amp;kopier:</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>Bla &amp;gjennom…</translation>
    </message>
    <message>
      <source>&amp;Lock the window after:</source>
      <translation>&amp;Lås vinduet etter:</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Begrunnelse:</translation>
    </message>
    <message>
      <source>&amp;Save with this reason</source>
      <translation>Lag&amp;re med denne begrunnelsen</translation>
    </message>
    <message>
      <source>Backup folder</source>
      <translation>Mappe for sikkerhetskopier</translation>
    </message>
    <message>
      <source>Backup folder (empty: the store's own)</source>
      <translation>Mappe for sikkerhetskopier (tom: datalagerets egen)</translation>
    </message>
    <message>
      <source>Choose the backup folder</source>
      <translation>Velg mappe for sikkerhetskopier</translation>
    </message>
    <message>
      <source>Loc&amp;kout after wrong passwords:</source>
      <translation>&amp;Sperretid etter feil passord:</translation>
    </message>
    <message>
      <source>Minutes an account stays locked after too many wrong passwords</source>
      <translation>Minutter en konto er sperret etter for mange feil passord</translation>
    </message>
    <message>
      <source>Minutes without input before the window locks</source>
      <translation>Minutter uten aktivitet før vinduet låses</translation>
    </message>
    <message>
      <source>Reason for change</source>
      <translation>Begrunnelse for endring</translation>
    </message>
    <message>
      <source>Site settings</source>
      <translation>Innstillinger for studiestedet</translation>
    </message>
  </context>
  <context>
    <name>StaffAdminWidget</name>
    <message>
      <source>&amp;Add…</source>
      <translation>&amp;Legg til…</translation>
    </message>
    <message>
      <source>&amp;Deactivate…</source>
      <translation>&amp;Deaktiver…</translation>
    </message>
    <message>
      <source>&amp;Site settings…</source>
      <translation>&amp;Innstillinger for studiestedet…</translation>
    </message>
    <message>
      <source>Accounts of this store. Accounts are never deleted: deactivate them. Every change is kept in the audit trail with its reason.</source>
      <translation>Kontoene i dette datalageret. Kontoer slettes aldri: deaktiver dem. Hver endring lagres i revisjonssporet med begrunnelsen.</translation>
    </message>
    <message>
      <source>Added {user} ({role}). Give them the temporary password; they choose their own at the first sign-in.</source>
      <translation>{user} ({role}) er lagt til. Gi brukeren det midlertidige passordet; hun eller han velger sitt eget ved første innlogging.</translation>
    </message>
    <message>
      <source>Change &amp;role…</source>
      <translation>Endre &amp;rolle…</translation>
    </message>
    <message>
      <source>Deactivate {user} ({name}): they can no longer sign in, and an open session is refused at its next action. The account and everything it recorded are kept.</source>
      <translation>Deaktiver {user} ({name}): brukeren kan ikke lenger logge inn, og en åpen økt avvises ved neste handling. Kontoen og alt den har registrert, beholdes.</translation>
    </message>
    <message>
      <source>Designate unblinded &amp;physician…</source>
      <translation type="vanished">Utpek ublindet sikker&amp;hetslege…</translation>
    </message>
    <message>
      <source>Designate {user} ({name}) as the unblinded safety physician: they see the masked results (IgG, NK) after the first dose.</source>
      <translation>Utpek {user} ({name}) som ublindet sikkerhetslege: vedkommende ser de skjulte resultatene (IgG, NK) etter første dose.</translation>
    </message>
    <message>
      <source>Reac&amp;tivate…</source>
      <translation>Re&amp;aktiver…</translation>
    </message>
    <message>
      <source>Reactivate {user} ({name}): they can sign in again.</source>
      <translation>Reaktiver {user} ({name}): brukeren kan logge inn igjen.</translation>
    </message>
    <message>
      <source>Reset &amp;password…</source>
      <translation>Tilbakestill &amp;passord…</translation>
    </message>
    <message>
      <source>Revoke the unblinded safety physician designation of {user} ({name}): masked results are hidden from them again at once.</source>
      <translation>Opphev utpekingen av {user} ({name}) som ublindet sikkerhetslege: de skjulte resultatene skjules for vedkommende igjen med en gang.</translation>
    </message>
    <message>
      <source>Revoke unblinded &amp;physician…</source>
      <translation type="vanished">Opphev ublindet sikker&amp;hetslege…</translation>
    </message>
    <message>
      <source>Site settings saved. The idle lock applies from the next sign-in.</source>
      <translation>Innstillingene er lagret. Låsetiden gjelder fra neste innlogging.</translation>
    </message>
    <message>
      <source>Staff accounts</source>
      <translation>Personalkontoer</translation>
    </message>
    <message>
      <source>Staff administration</source>
      <translation>Personaladministrasjon</translation>
    </message>
    <message>
      <source>U&amp;nlock</source>
      <translation>Lås &amp;opp</translation>
    </message>
    <message>
      <source>{user} has a temporary password; they choose their own at the next sign-in.</source>
      <translation>{user} har et midlertidig passord; brukeren velger sitt eget ved neste innlogging.</translation>
    </message>
    <message>
      <source>{user} is active again.</source>
      <translation>{user} er aktiv igjen.</translation>
    </message>
    <message>
      <source>{user} is deactivated.</source>
      <translation>{user} er deaktivert.</translation>
    </message>
    <message>
      <source>{user} is no longer the unblinded safety physician.</source>
      <translation>{user} er ikke lenger ublindet sikkerhetslege.</translation>
    </message>
    <message>
      <source>{user} is now {role}.</source>
      <translation>{user} er nå {role}.</translation>
    </message>
    <message>
      <source>{user} is the unblinded safety physician.</source>
      <translation>{user} er ublindet sikkerhetslege.</translation>
    </message>
    <message>
      <source>{user} is unlocked.</source>
      <translation>{user} er låst opp.</translation>
    </message>
    <message>
      <source>Designate unblinded p&amp;hysician…</source>
      <translation>Utpek ublindet sikker&amp;hetslege…</translation>
    </message>
    <message>
      <source>Revoke unblinded p&amp;hysician…</source>
      <translation>Opphev ublindet sikker&amp;hetslege…</translation>
    </message>
  </context>
  <context>
    <name>StaffDialogs</name>
    <message>
      <source>Re&amp;peat password:</source>
      <translation>&amp;Gjenta passord:</translation>
    </message>
    <message>
      <source>Repeat the password</source>
      <translation>Gjenta passordet</translation>
    </message>
  </context>
  <context>
    <name>StaffTableModel</name>
    <message>
      <source>Active</source>
      <translation type="vanished">Aktiv</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation type="vanished">Administrator</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation type="vanished">Fullt navn</translation>
    </message>
    <message>
      <source>Investigator</source>
      <translation type="vanished">Utprøver</translation>
    </message>
    <message>
      <source>Locked</source>
      <translation>Sperret</translation>
    </message>
    <message>
      <source>Monitor</source>
      <translation type="vanished">Monitor</translation>
    </message>
    <message>
      <source>Nurse</source>
      <translation type="vanished">Studiesykepleier</translation>
    </message>
    <message>
      <source>Password set</source>
      <translation>Passord satt</translation>
    </message>
    <message>
      <source>Role</source>
      <translation type="vanished">Rolle</translation>
    </message>
    <message>
      <source>Unblinded</source>
      <translation>Ublindet</translation>
    </message>
    <message>
      <source>User name</source>
      <translation type="vanished">Brukernavn</translation>
    </message>
    <message>
      <source>no (deactivated)</source>
      <translation>nei (deaktivert)</translation>
    </message>
    <message>
      <source>temporary</source>
      <translation>midlertidig</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>ja</translation>
    </message>
  </context>
  <context>
    <name>CallDialog</name>
    <message>
      <source>&amp;Medication changes:</source>
      <translation>Endringer i &amp;medisinering:</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>Mer&amp;knad:</translation>
    </message>
    <message>
      <source>&amp;Outcome:</source>
      <translation>&amp;Utfall:</translation>
    </message>
    <message>
      <source>&amp;Questionnaire form received:</source>
      <translation>Spørre&amp;skjema mottatt:</translation>
    </message>
    <message>
      <source>&amp;Reason if outside the window:</source>
      <translation>&amp;Begrunnelse hvis utenfor vinduet:</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lagre</translation>
    </message>
    <message>
      <source>&amp;Save the call (not reached)</source>
      <translation>&amp;Lagre samtalen (ikke nådd)</translation>
    </message>
    <message>
      <source>Call &amp;time:</source>
      <translation>&amp;Tidspunkt for samtalen:</translation>
    </message>
    <message>
      <source>New or &amp;worsening symptoms since the last contact:</source>
      <translation>Nye eller &amp;forverrede symptomer siden forrige kontakt:</translation>
    </message>
    <message>
      <source>Reason the contact is outside its window</source>
      <translation>Begrunnelse for at kontakten er utenfor tidsvinduet</translation>
    </message>
    <message>
      <source>Yes to new or worsening symptoms opens the adverse event form next.</source>
      <translation type="vanished">Ja til nye eller forverrede symptomer åpner skjemaet for uønsket hendelse etterpå.</translation>
    </message>
    <message>
      <source>hh:mm (n = now)</source>
      <translation>tt:mm (n = nå)</translation>
    </message>
    <message>
      <source>only when the day is outside the window</source>
      <translation>bare når dagen er utenfor tidsvinduet</translation>
    </message>
    <message>
      <source>Yes to new or worsening symptoms opens the adverse event form next; yes to medication changes then opens the medication form.</source>
      <translation>Ja til nye eller forverrede symptomer åpner skjemaet for uønsket hendelse etterpå; ja til endringer i legemidler åpner deretter legemiddelskjemaet.</translation>
    </message>
  </context>
  <context>
    <name>ConsultationDialog</name>
    <message>
      <source>&amp;Blood pressure (mmHg):</source>
      <translation>&amp;Blodtrykk (mmHg):</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Dato:</translation>
    </message>
    <message>
      <source>&amp;Findings:</source>
      <translation>&amp;Funn:</translation>
    </message>
    <message>
      <source>&amp;Medication changes:</source>
      <translation>Endringer i &amp;medisinering:</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>Mer&amp;knad:</translation>
    </message>
    <message>
      <source>&amp;Reason if outside the window:</source>
      <translation>Be&amp;grunnelse hvis utenfor vinduet:</translation>
    </message>
    <message>
      <source>&amp;Temperature (°C):</source>
      <translation>&amp;Temperatur (°C):</translation>
    </message>
    <message>
      <source>&amp;Weight (kg):</source>
      <translation>&amp;Vekt (kg):</translation>
    </message>
    <message>
      <source>Blood tests are saved with "Blood tests…" on the Contacts tab (the same entry as before a dose). Yes to new or worsening symptoms opens the adverse event form next.</source>
      <translation type="vanished">Blodprøver lagres med «Blodprøver…» på fanen Kontakter (samme registrering som før en dose). Ja til nye eller forverrede symptomer åpner skjemaet for uønsket hendelse etterpå.</translation>
    </message>
    <message>
      <source>New or worsening &amp;symptoms since the last contact:</source>
      <translation>Nye eller forverrede &amp;symptomer siden forrige kontakt:</translation>
    </message>
    <message>
      <source>P&amp;ulse (/min):</source>
      <translation>&amp;Puls (/min):</translation>
    </message>
    <message>
      <source>Physical &amp;examination done:</source>
      <translation>Klinisk &amp;undersøkelse utført:</translation>
    </message>
    <message>
      <source>Reason the contact is outside its window</source>
      <translation>Begrunnelse for at kontakten er utenfor tidsvinduet</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
    <message>
      <source>only when the day is outside the window</source>
      <translation>bare når dagen er utenfor tidsvinduet</translation>
    </message>
    <message>
      <source>Blood tests are saved with "Blood tests…" on the Contacts tab (the same entry as before a dose). Yes to new or worsening symptoms opens the adverse event form next; yes to medication changes then opens the medication form.</source>
      <translation>Blodprøver lagres med «Blodprøver…» på fanen Kontakter (samme registrering som før en dose). Ja til nye eller forverrede symptomer åpner skjemaet for uønsket hendelse etterpå; ja til endringer i legemidler åpner deretter legemiddelskjemaet.</translation>
    </message>
  </context>
  <context>
    <name>ConsultationLabsDialog</name>
    <message>
      <source>Blood tests at {code}</source>
      <translation>Blodprøver ved {code}</translation>
    </message>
  </context>
  <context>
    <name>ContactCorrectionDialog</name>
    <message>
      <source>&amp;Reason for the correction:</source>
      <translation>&amp;Begrunnelse for korrigeringen:</translation>
    </message>
    <message>
      <source>Correct {code}</source>
      <translation>Korriger {code}</translation>
    </message>
    <message>
      <source>Reason for change</source>
      <translation>Begrunnelse for endring</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
  </context>
  <context>
    <name>ContactsWidget</name>
    <message>
      <source>&amp;Blood tests…</source>
      <translation>&amp;Blodprøver…</translation>
    </message>
    <message>
      <source>&amp;Correct…</source>
      <translation>Ko&amp;rriger…</translation>
    </message>
    <message>
      <source>&amp;Record…</source>
      <translation>Re&amp;gistrer…</translation>
    </message>
    <message>
      <source>&lt;b&gt;{code} · {label}&lt;/b&gt; — window {start} – {end} — {state}</source>
      <translation>&lt;b&gt;{code} · {label}&lt;/b&gt; — tidsvindu {start} – {end} — {state}</translation>
    </message>
    <message>
      <source>Adverse &amp;event at this contact…</source>
      <translation>Uønsket hendels&amp;e ved denne kontakten…</translation>
    </message>
    <message>
      <source>Adverse event recorded at {code}.</source>
      <translation>Uønsket hendelse registrert ved {code}.</translation>
    </message>
    <message>
      <source>Adverse events reported here: {events}</source>
      <translation>Uønskede hendelser meldt her: {events}</translation>
    </message>
    <message>
      <source>Blood results saved ({n}).</source>
      <translation>Blodprøvesvar lagret ({n}).</translation>
    </message>
    <message>
      <source>Blood results: {results}</source>
      <translation>Blodprøvesvar: {results}</translation>
    </message>
    <message>
      <source>Calls: {calls}</source>
      <translation>Samtaler: {calls}</translation>
    </message>
    <message>
      <source>Contact missed</source>
      <translation>Kontakt ikke gjennomført</translation>
    </message>
    <message>
      <source>Contacts start when the participant is enrolled.</source>
      <translation>Kontaktene starter når deltakeren er inkludert.</translation>
    </message>
    <message>
      <source>Contacts: phone follow-ups, consultations, end of study and long-term follow-ups</source>
      <translation>Kontakter: telefonoppfølging, konsultasjoner, studieslutt og langtidsoppfølging</translation>
    </message>
    <message>
      <source>End of study signed.</source>
      <translation>Studieslutt signert.</translation>
    </message>
    <message>
      <source>Every planned contact after the first dose. Enter or double-click records the selected one.</source>
      <translation>Alle planlagte kontakter etter første dose. Enter eller dobbeltklikk registrerer den valgte.</translation>
    </message>
    <message>
      <source>Mark &amp;missed…</source>
      <translation>&amp;Merk som ikke gjennomført…</translation>
    </message>
    <message>
      <source>Nothing recorded yet.</source>
      <translation>Ingenting registrert ennå.</translation>
    </message>
    <message>
      <source>Only an investigator can confirm and sign the end of study.</source>
      <translation>Bare en utprøver kan bekrefte og signere studieslutt.</translation>
    </message>
    <message>
      <source>Select a contact.</source>
      <translation>Velg en kontakt.</translation>
    </message>
    <message>
      <source>Signed by {name} ({username}) at {at}: {meaning}</source>
      <translation>Signert av {name} ({username}) {at}: {meaning}</translation>
    </message>
    <message>
      <source>The signed values were changed after signing: the signature no longer holds.</source>
      <translation>De signerte verdiene er endret etter signering: signaturen gjelder ikke lenger.</translation>
    </message>
    <message>
      <source>Un&amp;do missed…</source>
      <translation>&amp;Angre «ikke gjennomført»…</translation>
    </message>
    <message>
      <source>{code} corrected.</source>
      <translation>{code} korrigert.</translation>
    </message>
    <message>
      <source>{code} did not happen. Say why (e.g. not reached after three calls); the reason is kept with the contact and in the audit trail.</source>
      <translation>{code} ble ikke gjennomført. Oppgi hvorfor (f.eks. ikke nådd etter tre oppringinger); begrunnelsen lagres med kontakten og i revisjonssporet.</translation>
    </message>
    <message>
      <source>{code} is open again.</source>
      <translation>{code} er åpen igjen.</translation>
    </message>
    <message>
      <source>{code} on {day}: the participant completed the study. The status becomes "completed"; only the long-term follow-up goes on.</source>
      <translation>{code} den {day}: deltakeren har fullført studien. Statusen blir «fullført»; bare langtidsoppfølgingen fortsetter.</translation>
    </message>
    <message>
      <source>{code} recorded as missed.</source>
      <translation>{code} registrert som ikke gjennomført.</translation>
    </message>
    <message>
      <source>{code} recorded.</source>
      <translation>{code} registrert.</translation>
    </message>
    <message>
      <source>{code} was recorded as missed. Say why that is undone; it is then open again.</source>
      <translation>{code} er registrert som ikke gjennomført. Oppgi hvorfor det angres; kontakten er da åpen igjen.</translation>
    </message>
  </context>
  <context>
    <name>EndOfStudyDialog</name>
    <message>
      <source>&amp;Completion confirmed: the participant completed the study</source>
      <translation>&amp;Fullføring bekreftet: deltakeren har fullført studien</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Dato:</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>Mer&amp;knad:</translation>
    </message>
    <message>
      <source>&amp;Reason if outside the window:</source>
      <translation>&amp;Begrunnelse hvis utenfor vinduet:</translation>
    </message>
    <message>
      <source>Continue to the &amp;signature…</source>
      <translation>Gå videre til &amp;signering…</translation>
    </message>
    <message>
      <source>Reason the contact is outside its window</source>
      <translation>Begrunnelse for at kontakten er utenfor tidsvinduet</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
    <message>
      <source>only when the day is outside the window</source>
      <translation>bare når dagen er utenfor tidsvinduet</translation>
    </message>
  </context>
  <context>
    <name>CourseWidget</name>
    <message>
      <source> since {day}</source>
      <translation> siden {day}</translation>
    </message>
    <message>
      <source> · study drug discontinued on {day}</source>
      <translation> · studielegemidlet seponert {day}</translation>
    </message>
    <message>
      <source>&amp;Discontinue study drug…</source>
      <translation>Seponer studiele&amp;gemidlet…</translation>
    </message>
    <message>
      <source>&amp;Withdraw consent…</source>
      <translation>Samtykke trukket tilbak&amp;e…</translation>
    </message>
    <message>
      <source>Everything the protocol plans may be recorded.</source>
      <translation>Alt protokollen planlegger kan registreres.</translation>
    </message>
    <message>
      <source>History of the course</source>
      <translation>Forløpets historikk</translation>
    </message>
    <message>
      <source>Recorded: {event}.</source>
      <translation>Registrert: {event}.</translation>
    </message>
    <message>
      <source>What may still be recorded</source>
      <translation>Hva som fortsatt kan registreres</translation>
    </message>
    <message>
      <source>adverse events</source>
      <translation>uønskede hendelser</translation>
    </message>
    <message>
      <source>blood tests at consultations</source>
      <translation>blodprøver ved konsultasjoner</translation>
    </message>
    <message>
      <source>concomitant medications</source>
      <translation>samtidige legemidler</translation>
    </message>
    <message>
      <source>contacts and follow-up calls</source>
      <translation>kontakter og oppfølgingssamtaler</translation>
    </message>
    <message>
      <source>doctor consultations</source>
      <translation>legekonsultasjoner</translation>
    </message>
    <message>
      <source>doses (dose visits and injections)</source>
      <translation>doser (dosebesøk og injeksjoner)</translation>
    </message>
    <message>
      <source>none recorded</source>
      <translation>ingen registrert</translation>
    </message>
    <message>
      <source>not now</source>
      <translation>ikke nå</translation>
    </message>
    <message>
      <source>the end-of-study visit</source>
      <translation>studieslutt-besøket</translation>
    </message>
    <message>
      <source>{n} unsuccessful contact attempts are documented since the last successful contact ({last}); the protocol needs {needed}.</source>
      <translation>{n} mislykkede kontaktforsøk er dokumentert siden siste vellykkede kontakt ({last}); protokollen krever {needed}.</translation>
    </message>
    <message>
      <source>{n} unsuccessful contact attempts since the last successful contact (lost to follow-up needs {needed})</source>
      <translation>{n} mislykkede kontaktforsøk siden siste vellykkede kontakt (tapt for oppfølging krever {needed})</translation>
    </message>
    <message>
      <source>{study_id}: {status}</source>
      <translation>{study_id}: {status}</translation>
    </message>
    <message>
      <source>Mar&amp;k lost to follow-up…</source>
      <translation>&amp;Registrer tapt for oppfølging…</translation>
    </message>
    <message>
      <source>Record d&amp;eath…</source>
      <translation>Registrer dø&amp;dsfall…</translation>
    </message>
  </context>
  <context>
    <name>DispositionDialog</name>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Dato:</translation>
    </message>
    <message>
      <source>&amp;Fatal adverse event:</source>
      <translation>Dødelig uønsket &amp;hendelse:</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>&amp;Merknad:</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Årsak:</translation>
    </message>
    <message>
      <source>Consent withdrawn — {study_id}</source>
      <translation>Samtykke trukket tilbake — {study_id}</translation>
    </message>
    <message>
      <source>Date of the event</source>
      <translation>Dato for hendelsen</translation>
    </message>
    <message>
      <source>Death — {study_id}</source>
      <translation>Dødsfall — {study_id}</translation>
    </message>
    <message>
      <source>Disc&amp;ontinue the study drug</source>
      <translation>Sep&amp;oner studielegemidlet</translation>
    </message>
    <message>
      <source>Discontinue the study drug — {study_id}</source>
      <translation>Seponer studielegemidlet — {study_id}</translation>
    </message>
    <message>
      <source>Fatal adverse event</source>
      <translation>Dødelig uønsket hendelse</translation>
    </message>
    <message>
      <source>Lost to follow-up — {study_id}</source>
      <translation>Tapt for oppfølging — {study_id}</translation>
    </message>
    <message>
      <source>No more doses are given from this date. The participant stays in the study: follow-up (contacts, consultations, adverse events, medications) continues to the end of study.</source>
      <translation>Fra denne datoen gis ingen flere doser. Deltakeren blir i studien: oppfølgingen (kontakter, konsultasjoner, uønskede hendelser, legemidler) fortsetter til studieslutt.</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Årsak</translation>
    </message>
    <message>
      <source>Rec&amp;ord lost to follow-up</source>
      <translation>&amp;Registrer tapt for oppfølging</translation>
    </message>
    <message>
      <source>Rec&amp;ord the death</source>
      <translation>&amp;Registrer dødsfallet</translation>
    </message>
    <message>
      <source>Rec&amp;ord the withdrawal</source>
      <translation>&amp;Registrer tilbaketrekkingen</translation>
    </message>
    <message>
      <source>The death is linked to its fatal adverse event (outcome fatal, grade 5), recorded on the Adverse events tab first. Adverse events may still be recorded afterwards.</source>
      <translation>Dødsfallet knyttes til den dødelige uønskede hendelsen (utfall dødelig, grad 5), som registreres først på fanen Uønskede hendelser. Uønskede hendelser kan fortsatt registreres etterpå.</translation>
    </message>
    <message>
      <source>The participant &amp;agrees to:</source>
      <translation>Deltakeren &amp;samtykker til:</translation>
    </message>
    <message>
      <source>The participant could not be reached despite the documented contact attempts. From this date only an adverse event learned from another source is recorded.</source>
      <translation>Deltakeren kunne ikke nås til tross for de dokumenterte kontaktforsøkene. Fra denne datoen registreres bare en uønsket hendelse som blir kjent fra en annen kilde.</translation>
    </message>
    <message>
      <source>The participant gave &amp;no reason (they need not give one)</source>
      <translation>Deltakeren oppga &amp;ingen årsak (de trenger ikke oppgi en)</translation>
    </message>
    <message>
      <source>The participant may withdraw consent at any time without giving a reason. What was collected before stays in the study; from this date only what the participant still agrees to is recorded.</source>
      <translation>Deltakeren kan når som helst trekke samtykket uten å oppgi noen grunn. Det som er samlet inn før, blir i studien; fra denne datoen registreres bare det deltakeren fortsatt samtykker til.</translation>
    </message>
    <message>
      <source>What the participant still agrees to</source>
      <translation>Hva deltakeren fortsatt samtykker til</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
    <message>
      <source>nothing new is recorded from this date</source>
      <translation>ingenting nytt registreres fra denne datoen</translation>
    </message>
    <message>
      <source>optional, e.g. letter returned; GP has no newer address</source>
      <translation>valgfritt, f.eks. brev i retur; fastlegen har ingen nyere adresse</translation>
    </message>
    <message>
      <source>optional, e.g. source of the information</source>
      <translation>valgfritt, f.eks. kilden til opplysningen</translation>
    </message>
    <message>
      <source>phone contacts, adverse events and the medications given for them; no doses, blood tests or visits</source>
      <translation>telefonkontakter, uønskede hendelser og legemidlene som gis for dem; ingen doser, blodprøver eller besøk</translation>
    </message>
    <message>
      <source>the participant's own words, if they gave a reason</source>
      <translation>deltakerens egne ord, hvis en årsak ble oppgitt</translation>
    </message>
    <message>
      <source>why, e.g. grade 3 neutropenia; the participant's wish</source>
      <translation>hvorfor, f.eks. nøytropeni grad 3; deltakerens ønske</translation>
    </message>
    <message>
      <source>{term}, onset {onset}</source>
      <translation>{term}, start {onset}</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— velg —</translation>
    </message>
  </context>
  <context>
    <name>DispositionTableModel</name>
    <message>
      <source>no reason given (the participant need not give one)</source>
      <translation>ingen årsak oppgitt (deltakeren trenger ikke oppgi en)</translation>
    </message>
  </context>
  <context>
    <name>MedicationDialog</name>
    <message>
      <source>&amp;Confirm:</source>
      <translation>&amp;Bekreft:</translation>
    </message>
    <message>
      <source>&amp;Dose and unit:</source>
      <translation>&amp;Dose og enhet:</translation>
    </message>
    <message>
      <source>&amp;Frequency:</source>
      <translation>&amp;Hyppighet:</translation>
    </message>
    <message>
      <source>&amp;Indication:</source>
      <translation>&amp;Indikasjon:</translation>
    </message>
    <message>
      <source>&amp;Medication:</source>
      <translation>&amp;Legemiddel:</translation>
    </message>
    <message>
      <source>&amp;Route:</source>
      <translation>&amp;Administrasjonsvei:</translation>
    </message>
    <message>
      <source>&amp;Started on:</source>
      <translation>Star&amp;tet den:</translation>
    </message>
    <message>
      <source>Adverse event it was given for</source>
      <translation>Den uønskede hendelsen det ble gitt for</translation>
    </message>
    <message>
      <source>Change concomitant medication</source>
      <translation>Endre samtidig legemiddel</translation>
    </message>
    <message>
      <source>Dose</source>
      <translation>Dose</translation>
    </message>
    <message>
      <source>Dose unit</source>
      <translation>Doseenhet</translation>
    </message>
    <message>
      <source>Frequency</source>
      <translation>Hyppighet</translation>
    </message>
    <message>
      <source>Given for an &amp;adverse event:</source>
      <translation>Gitt for en &amp;uønsket hendelse:</translation>
    </message>
    <message>
      <source>In&amp;vestigator's note:</source>
      <translation>Utprøvers &amp;merknad:</translation>
    </message>
    <message>
      <source>Indication</source>
      <translation>Indikasjon</translation>
    </message>
    <message>
      <source>Investigator's note on the forbidden medication</source>
      <translation>Utprøvers merknad om det forbudte legemidlet</translation>
    </message>
    <message>
      <source>It is saved flagged for the investigator's review.</source>
      <translation>Det lagres flagget for utprøvers vurdering.</translation>
    </message>
    <message>
      <source>It is saved flagged: write why it is given.</source>
      <translation>Det lagres flagget: skriv hvorfor det gis.</translation>
    </message>
    <message>
      <source>Medication name</source>
      <translation>Legemidlets navn</translation>
    </message>
    <message>
      <source>O&amp;ngoing (no stop date)</source>
      <translation>&amp;Pågående (ingen stoppdato)</translation>
    </message>
    <message>
      <source>Premedication before each dose is recorded at the dose visit (Injections tab), not here.</source>
      <translation>Premedisinering før hver dose registreres ved dosebesøket (fanen Injeksjoner), ikke her.</translation>
    </message>
    <message>
      <source>Route</source>
      <translation>Administrasjonsvei</translation>
    </message>
    <message>
      <source>S&amp;topped on:</source>
      <translation>St&amp;oppet den:</translation>
    </message>
    <message>
      <source>Save it flagged for the investigator's revie&amp;w</source>
      <translation>Lagre det flagget for utprøvers &amp;vurdering</translation>
    </message>
    <message>
      <source>Save the forbidden medication flagged</source>
      <translation>Lagre det forbudte legemidlet flagget</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>Startdato</translation>
    </message>
    <message>
      <source>Stop date</source>
      <translation>Stoppdato</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
    <message>
      <source>e.g. 500</source>
      <translation>f.eks. 500</translation>
    </message>
    <message>
      <source>e.g. mg</source>
      <translation>f.eks. mg</translation>
    </message>
    <message>
      <source>e.g. twice daily, as needed</source>
      <translation>f.eks. to ganger daglig, ved behov</translation>
    </message>
    <message>
      <source>generic or trade name, e.g. Paracetamol, Metoject</source>
      <translation>virkestoff eller handelsnavn, f.eks. Paracetamol, Metoject</translation>
    </message>
    <message>
      <source>why it is given (or was, before the study)</source>
      <translation>hvorfor det gis (eller ble gitt, før studien)</translation>
    </message>
    <message>
      <source>why it is taken</source>
      <translation>hvorfor det brukes</translation>
    </message>
    <message>
      <source>— choose —</source>
      <translation>— velg —</translation>
    </message>
    <message>
      <source>— not given for an adverse event —</source>
      <translation>— ikke gitt for en uønsket hendelse —</translation>
    </message>
    <message>
      <source>⚠ The protocol forbids {label} ({criterion}).</source>
      <translation>⚠ Protokollen forbyr {label} ({criterion}).</translation>
    </message>
  </context>
  <context>
    <name>MedicationTableModel</name>
    <message>
      <source>⚠ {label} ({criterion}): awaiting the investigator's review</source>
      <translation>⚠ {label} ({criterion}): venter på utprøvers vurdering</translation>
    </message>
    <message>
      <source>⚠ {label} ({criterion}): {note}</source>
      <translation>⚠ {label} ({criterion}): {note}</translation>
    </message>
  </context>
  <context>
    <name>MedicationsWidget</name>
    <message>
      <source>Concomitant medications</source>
      <translation>Samtidige legemidler</translation>
    </message>
    <message>
      <source>Medication changed.</source>
      <translation>Legemiddel endret.</translation>
    </message>
    <message>
      <source>Medication recorded.</source>
      <translation>Legemiddel registrert.</translation>
    </message>
    <message>
      <source>Medication stopped.</source>
      <translation>Legemiddel seponert.</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>Ikke lagret</translation>
    </message>
    <message>
      <source>Re&amp;view…</source>
      <translation>&amp;Vurder…</translation>
    </message>
    <message>
      <source>Review recorded.</source>
      <translation>Vurdering registrert.</translation>
    </message>
    <message>
      <source>The investigator's note on a medication the protocol forbids</source>
      <translation>Utprøvers merknad om et legemiddel protokollen forbyr</translation>
    </message>
    <message>
      <source>You are changing a saved medication. Say why; the reason is kept in the audit trail.</source>
      <translation>Du endrer et lagret legemiddel. Oppgi hvorfor; begrunnelsen lagres i revisjonssporet.</translation>
    </message>
    <message>
      <source>{n} medications; {f} forbidden by the protocol ({w} awaiting the investigator's review). Premedication before each dose is recorded at the dose visit.</source>
      <translation type="vanished">{n} legemidler; {f} forbudt etter protokollen ({w} venter på utprøvers vurdering). Premedisinering før hver dose registreres ved dosebesøket.</translation>
    </message>
    <message>
      <source>Chan&amp;ge…</source>
      <translation>En&amp;dre…</translation>
    </message>
    <message>
      <source>New medi&amp;cation…</source>
      <translation>Nytt le&amp;gemiddel…</translation>
    </message>
    <message>
      <source>Sto&amp;pped…</source>
      <translation>S&amp;eponert…</translation>
    </message>
    <message>
      <source>Medications: {n}; forbidden by the protocol: {f} (awaiting the investigator's review: {w}). Premedication before each dose is recorded at the dose visit.</source>
      <translation>Legemidler: {n}; forbudt etter protokollen: {f} (venter på utprøvers vurdering: {w}). Premedisinering før hver dose registreres ved dosebesøket.</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <source>&amp;Investigator's note:</source>
      <translation>&amp;Utprøvers merknad:</translation>
    </message>
    <message>
      <source>Investigator's note on the forbidden medication</source>
      <translation>Utprøvers merknad om det forbudte legemidlet</translation>
    </message>
    <message>
      <source>Review a forbidden medication</source>
      <translation>Vurder et forbudt legemiddel</translation>
    </message>
  </context>
  <context>
    <name>StopMedicationDialog</name>
    <message>
      <source>Medication stopped — {name}</source>
      <translation>Legemiddel seponert — {name}</translation>
    </message>
    <message>
      <source>S&amp;topped on:</source>
      <translation>&amp;Seponert den:</translation>
    </message>
    <message>
      <source>Stop date</source>
      <translation>Stoppdato</translation>
    </message>
    <message>
      <source>dd.mm.yyyy</source>
      <translation>dd.mm.åååå</translation>
    </message>
  </context>
  <context>
    <name>SavedNote</name>
    <message>
      <source>Saved</source>
      <translation>Lagret</translation>
    </message>
    <message>
      <source>✓ Saved {at}</source>
      <translation>✓ Lagret {at}</translation>
    </message>
  </context>
  <context>
    <name>self.error</name>
    <message>
      <source>Error message</source>
      <translation type="vanished" />
    </message>
  </context>
  <context>
    <name>AuditReasons</name>
    <message>
      <source>SAE reported to the sponsor</source>
      <translation>AUH rapportert til sponsor</translation>
    </message>
    <message>
      <source>dose {code} given</source>
      <translation>dose {code} gitt</translation>
    </message>
    <message>
      <source>eligibility decision signed: eligible</source>
      <translation>kvalifiseringsbeslutning signert: kvalifisert</translation>
    </message>
    <message>
      <source>eligibility decision signed: not eligible</source>
      <translation>kvalifiseringsbeslutning signert: ikke kvalifisert</translation>
    </message>
    <message>
      <source>informed consent recorded</source>
      <translation>informert samtykke registrert</translation>
    </message>
    <message>
      <source>password changed by the user</source>
      <translation>passord endret av brukeren</translation>
    </message>
    <message>
      <source>{code} blood tests entered</source>
      <translation>{code}: blodprøver registrert</translation>
    </message>
    <message>
      <source>end of study: completion confirmed and signed by the investigator</source>
      <translation>studieslutt: fullføring bekreftet og signert av utprøveren</translation>
    </message>
    <message>
      <source>first dose ({code}) given</source>
      <translation>første dose ({code}) gitt</translation>
    </message>
    <message>
      <source>last dose ({code}) given</source>
      <translation>siste dose ({code}) gitt</translation>
    </message>
  </context>
  <context>
    <name>ConflictBanner</name>
    <message>
      <source>%n exchange conflict(s) wait for an investigator's decision: the same data was changed at two workstations.</source>
      <translation type="vanished" />
    </message>
    <message>
      <source>Show &amp;conflicts…</source>
      <translation>Vis &amp;konflikter…</translation>
    </message>
    <message>
      <source>Exchange conflicts waiting for an investigator's decision: %n (the same data was changed at two workstations).</source>
      <translation type="vanished">Utvekslingskonflikter som venter på en utprøvers avgjørelse: %n (de samme dataene ble endret på to arbeidsstasjoner).</translation>
    </message>
    <message numerus="yes">
      <source>Exchange conflict(s) waiting for an investigator's decision: %n (the same data was changed at two workstations).</source>
      <translation>
        <numerusform>Utvekslingskonflikt som venter på en utprøvers avgjørelse: %n (de samme dataene ble endret på to arbeidsstasjoner).</numerusform>
        <numerusform>Utvekslingskonflikter som venter på en utprøvers avgjørelse: %n (de samme dataene ble endret på to arbeidsstasjoner).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ConflictTableModel</name>
    <message>
      <source>Field</source>
      <translation type="vanished">Felt</translation>
    </message>
    <message>
      <source>From site</source>
      <translation>Fra sted</translation>
    </message>
    <message>
      <source>Here</source>
      <translation>Her</translation>
    </message>
    <message>
      <source>Other workstation</source>
      <translation>Annen arbeidsstasjon</translation>
    </message>
    <message>
      <source>Participant</source>
      <translation type="vanished">Deltaker</translation>
    </message>
    <message>
      <source>Record</source>
      <translation type="vanished">Post</translation>
    </message>
  </context>
  <context>
    <name>ConflictsDialog</name>
    <message>
      <source>&amp;Enter the correct value…</source>
      <translation>&amp;Skriv inn riktig verdi…</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>&amp;Begrunnelse:</translation>
    </message>
    <message>
      <source>(none: the first entry)</source>
      <translation>(ingen: første registrering)</translation>
    </message>
    <message>
      <source>Decided. The decision is sent to the other workstations with the next bundles.</source>
      <translation>Avgjort. Avgjørelsen sendes til de andre arbeidsstasjonene med de neste pakkene.</translation>
    </message>
    <message>
      <source>Enter the correct value</source>
      <translation>Skriv inn riktig verdi</translation>
    </message>
    <message>
      <source>Exchange conflicts</source>
      <translation>Utvekslingskonflikter</translation>
    </message>
    <message>
      <source>Here</source>
      <translation>Her</translation>
    </message>
    <message>
      <source>Keep &amp;this workstation's</source>
      <translation>Behold &amp;denne arbeidsstasjonens</translation>
    </message>
    <message>
      <source>No open conflicts.</source>
      <translation>Ingen åpne konflikter.</translation>
    </message>
    <message>
      <source>Only an investigator decides a conflict.</source>
      <translation>Bare en utprøver avgjør en konflikt.</translation>
    </message>
    <message>
      <source>Open exchange conflicts</source>
      <translation>Åpne utvekslingskonflikter</translation>
    </message>
    <message>
      <source>Reason for the decision</source>
      <translation>Begrunnelse for avgjørelsen</translation>
    </message>
    <message>
      <source>Reason for the decision (required)</source>
      <translation>Begrunnelse for avgjørelsen (påkrevd)</translation>
    </message>
    <message>
      <source>Site {site}</source>
      <translation>Sted {site}</translation>
    </message>
    <message>
      <source>Take the &amp;other's</source>
      <translation>Ta den &amp;andres</translation>
    </message>
    <message>
      <source>Value</source>
      <translation type="vanished">Verdi</translation>
    </message>
    <message>
      <source>{participant} · {record} · {field}</source>
      <translation>{participant} · {record} · {field}</translation>
    </message>
    <message>
      <source>{title}: {value}
    by {user}, {when}, site {site}; reason: {reason}</source>
      <translation>{title}: {value}
    av {user}, {when}, sted {site}; begrunnelse: {reason}</translation>
    </message>
    <message>
      <source>Correct value</source>
      <translation>Riktig verdi</translation>
    </message>
  </context>
  <context>
    <name>ExchangeDialog</name>
    <message numerus="yes">
      <source>%n new conflict(s)</source>
      <translation>
        <numerusform>%n ny konflikt</numerusform>
        <numerusform>%n nye konflikter</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Conflicts…</source>
      <translation>&amp;Konflikter…</translation>
    </message>
    <message>
      <source>&amp;Receive a file…</source>
      <translation>&amp;Motta en fil…</translation>
    </message>
    <message>
      <source>&amp;Send to a file…</source>
      <translation>&amp;Send til en fil…</translation>
    </message>
    <message>
      <source>&amp;Workstation:</source>
      <translation>&amp;Arbeidsstasjon:</translation>
    </message>
    <message>
      <source>Cannot read {file}: {problem}</source>
      <translation>Kan ikke lese {file}: {problem}</translation>
    </message>
    <message>
      <source>Exchange with other workstations</source>
      <translation>Utveksling med andre arbeidsstasjoner</translation>
    </message>
    <message>
      <source>Held the bundle from site {site}: it starts after changes not yet received, and is applied when they arrive.</source>
      <translation>Pakken fra sted {site} venter: den starter etter endringer som ikke er mottatt ennå, og brukes når de kommer.</translation>
    </message>
    <message>
      <source>No paired workstation.</source>
      <translation>Ingen paret arbeidsstasjon.</translation>
    </message>
    <message>
      <source>Paired workstations</source>
      <translation>Parede arbeidsstasjoner</translation>
    </message>
    <message>
      <source>Receive a file</source>
      <translation>Motta en fil</translation>
    </message>
    <message numerus="yes">
      <source>Received from site {site}: %n change(s) applied</source>
      <translation>
        <numerusform>Mottatt fra sted {site}: %n endring tatt inn</numerusform>
        <numerusform>Mottatt fra sted {site}: %n endringer tatt inn</numerusform>
      </translation>
    </message>
    <message>
      <source>Receiving the bundle…</source>
      <translation>Mottar pakken…</translation>
    </message>
    <message>
      <source>Reconciliation &amp;report…</source>
      <translation>Avstemmings&amp;rapport…</translation>
    </message>
    <message>
      <source>Reconciliation report</source>
      <translation>Avstemmingsrapport</translation>
    </message>
    <message>
      <source>Reconciliation report written: {file}</source>
      <translation>Avstemmingsrapport skrevet: {file}</translation>
    </message>
    <message>
      <source>S&amp;ync with a folder…</source>
      <translation>S&amp;ynkroniser med en mappe…</translation>
    </message>
    <message>
      <source>Send to a file</source>
      <translation>Send til en fil</translation>
    </message>
    <message>
      <source>Site {site}: its bundle was refused: {why}</source>
      <translation>Sted {site}: pakken ble avvist: {why}</translation>
    </message>
    <message>
      <source>Sync with a folder</source>
      <translation>Synkroniser med en mappe</translation>
    </message>
    <message>
      <source>Syncing with the folder…</source>
      <translation>Synkroniserer med mappen…</translation>
    </message>
    <message>
      <source>Workstation</source>
      <translation>Arbeidsstasjon</translation>
    </message>
    <message>
      <source>Writing the bundle…</source>
      <translation>Skriver pakken…</translation>
    </message>
    <message>
      <source>Writing the report…</source>
      <translation>Skriver rapporten…</translation>
    </message>
    <message numerus="yes">
      <source>Written for site {site}: %n change(s).</source>
      <translation>
        <numerusform>Skrevet for sted {site}: %n endring.</numerusform>
        <numerusform>Skrevet for sted {site}: %n endringer.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Written {file} for site {site}: %n change(s).</source>
      <translation>
        <numerusform>Skrev {file} for sted {site}: %n endring.</numerusform>
        <numerusform>Skrev {file} for sted {site}: %n endringer.</numerusform>
      </translation>
    </message>
    <message>
      <source>then a held bundle: %n change(s)</source>
      <translation type="vanished" />
    </message>
    <message>
      <source>Received from site {site}: changes applied: %n</source>
      <translation type="vanished">Mottatt fra sted {site}: endringer tatt inn: %n</translation>
    </message>
    <message>
      <source>Written for site {site}; changes in it: %n.</source>
      <translation type="vanished">Skrevet for sted {site}; endringer i den: %n.</translation>
    </message>
    <message>
      <source>Written {file} for site {site}; changes in it: %n.</source>
      <translation type="vanished">Skrev {file} for sted {site}; endringer i den: %n.</translation>
    </message>
    <message>
      <source>new conflicts: %n</source>
      <translation type="vanished">nye konflikter: %n</translation>
    </message>
    <message>
      <source>then a held bundle, changes applied: %n</source>
      <translation type="vanished">deretter en ventende pakke, endringer tatt inn: %n</translation>
    </message>
    <message numerus="yes">
      <source>then a held bundle: %n change(s) applied</source>
      <translation>
        <numerusform>deretter en ventende pakke: %n endring tatt inn</numerusform>
        <numerusform>deretter en ventende pakke: %n endringer tatt inn</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExchangeWords</name>
    <message>
      <source>(empty)</source>
      <translation>(tom)</translation>
    </message>
    <message>
      <source>Both workstations changed this field since they last agreed.</source>
      <translation>Begge arbeidsstasjonene har endret dette feltet siden de sist var enige.</translation>
    </message>
    <message>
      <source>Changed at the other workstation, not here (deleted here, or its creation is in conflict).</source>
      <translation>Endret på den andre arbeidsstasjonen, ikke her (slettet her, eller opprettelsen er i konflikt).</translation>
    </message>
    <message>
      <source>Changed here, deleted at the other workstation.</source>
      <translation>Endret her, slettet på den andre arbeidsstasjonen.</translation>
    </message>
    <message>
      <source>Its parent record is not here.</source>
      <translation>Posten den hører til, finnes ikke her.</translation>
    </message>
    <message>
      <source>The same record (by its key) was entered at both workstations.</source>
      <translation>Den samme posten (etter nøkkelen) ble registrert på begge arbeidsstasjonene.</translation>
    </message>
    <message>
      <source>Two investigators decided this conflict differently.</source>
      <translation>To utprøvere avgjorde denne konflikten ulikt.</translation>
    </message>
    <message>
      <source>a whole record</source>
      <translation>en hel post</translation>
    </message>
    <message>
      <source>masked (blinded)</source>
      <translation>maskert (blindet)</translation>
    </message>
  </context>
  <context>
    <name>PeerStatusModel</name>
    <message>
      <source>Acknowledged</source>
      <translation>Bekreftet</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>Konflikter</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>Venter</translation>
    </message>
    <message>
      <source>Last received</source>
      <translation>Sist mottatt</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Mottatt</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Sted</translation>
    </message>
    <message>
      <source>State</source>
      <translation type="vanished">Tilstand</translation>
    </message>
    <message>
      <source>To send</source>
      <translation>Å sende</translation>
    </message>
    <message>
      <source>active</source>
      <translation type="vanished">aktiv</translation>
    </message>
    <message>
      <source>revoked</source>
      <translation>tilbakekalt</translation>
    </message>
    <message>
      <source>Pairing</source>
      <translation>Paring</translation>
    </message>
    <message>
      <source>in use</source>
      <translation>i bruk</translation>
    </message>
  </context>
  <context>
    <name>AdverseEventsSection</name>
    <message>
      <source>4 · Adverse events at this visit</source>
      <translation>4 · Uønskede hendelser ved dette besøket</translation>
    </message>
    <message>
      <source>Adverse events reported at this visit</source>
      <translation>Uønskede hendelser rapportert ved dette besøket</translation>
    </message>
    <message>
      <source>Every adverse event of the participant, and changes to them: the AEs tab.</source>
      <translation>Alle deltakerens uønskede hendelser, og endringer i dem: fanen UH.</translation>
    </message>
    <message>
      <source>Lo&amp;g adverse event at this visit…</source>
      <translation>Registrer uønsket hendelse fr&amp;a dette besøket…</translation>
    </message>
    <message>
      <source>Reported at this visit:</source>
      <translation>Rapportert ved dette besøket:</translation>
    </message>
  </context>
  <context>
    <name>StepBar</name>
    <message>
      <source>Alt+{n}; Ctrl+PgDown / Ctrl+PgUp: next / previous step</source>
      <translation>Alt+{n}; Ctrl+PgDown / Ctrl+PgUp: neste / forrige trinn</translation>
    </message>
  </context>
</TS>