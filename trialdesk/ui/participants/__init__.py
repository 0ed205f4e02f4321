"""The participant register: table model and list widget."""
