"""The participant's course: disposition events, what each state still allows, the investigator's actions."""
